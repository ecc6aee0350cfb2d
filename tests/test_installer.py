"""The PyInstaller spec and the Inno Setup script, read as the Windows build reads them."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from types import SimpleNamespace

import pytest

from qazvin_diplomacy import windows

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "resources" / "installer" / "QazvinDiplomacy.iss"
ICO = ROOT / "resources" / "icons" / "app.ico"


@pytest.fixture(scope="module")
def spec() -> SimpleNamespace:
    """The spec's definitions (everything before the Analysis runs)."""
    source = SPEC.read_text(encoding="utf-8")
    head = source.split("\na = Analysis(", 1)[0]
    names: dict[str, object] = {"SPECPATH": str(ROOT), "__file__": str(SPEC)}
    exec(compile(head, str(SPEC), "exec"), names)  # our own build script
    return SimpleNamespace(**names, source=source)


def kept(spec: SimpleNamespace, dest: str) -> bool:
    return spec.keep((dest, "/somewhere/" + dest, "BINARY"))


@pytest.mark.parametrize(
    "plugin", ["qtiff", "qwebp", "qgif", "qico", "qsvg", "qicns", "qtga", "qwbmp", "qpdf"]
)
def test_unused_image_plugins_are_dropped_on_windows_and_linux(spec, plugin: str) -> None:
    assert not kept(spec, f"PySide6/plugins/imageformats/{plugin}.dll")  # Windows wheel
    assert not kept(
        spec, f"PySide6\\plugins\\imageformats\\{plugin}.dll"
    )  # as PyInstaller lists it
    assert not kept(spec, f"PySide6/Qt/plugins/imageformats/lib{plugin}.so")  # Linux wheel


def test_needed_plugins_and_libraries_are_kept(spec) -> None:
    for dest in (
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt6Network.dll",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt6PrintSupport.dll",
    ):
        assert kept(spec, dest), dest


def test_dropped_qt_libraries_match_windows_names(spec) -> None:
    for dest in (
        "PySide6/Qt6Pdf.dll",
        "PySide6/Qt6Svg.dll",
        "PySide6/Qt6Quick.dll",
        "PySide6/opengl32sw.dll",
        "PySide6/plugins/iconengines/qsvgicon.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/plugins/tls/qschannelbackend.dll",
    ):
        assert not kept(spec, dest), dest


def test_network_module_is_not_excluded(spec) -> None:
    """The single-instance guard needs QtNetwork's local socket."""
    assert "PySide6.QtNetwork" not in spec.EXCLUDES


def test_two_programs_share_one_folder(spec) -> None:
    calls = re.findall(r'program\("([^"]+)", console=(True|False)\)', spec.source)
    assert sorted(calls) == [("QazvinDiplomacy", "False"), ("QazvinDiplomacy-cli", "True")]
    collect = spec.source.split("COLLECT(", 1)[1]
    assert "windowed," in collect and "console," in collect
    assert "upx=False" in spec.source


def test_server_driver_and_credential_store_are_hidden_imports(spec) -> None:
    """psycopg loads its libpq wrapper and keyring its Windows backend by name at run time."""
    for name in ("psycopg_binary", "psycopg_binary.pq", "keyring.backends.Windows"):
        assert name in spec.SERVER_MODULES, name
    assert "package_modules() + server_modules()" in spec.source
    assert "binaries=server_binaries()" in spec.source
    found = spec.server_modules()
    assert {"psycopg", "psycopg_binary", "psycopg_binary.pq"} <= set(found)  # installed here
    assert "win32ctypes.core" not in found  # Windows only: skipped, not an error


@pytest.mark.parametrize(
    "dest",
    [
        "psycopg_binary.libs/libkrb5-f18b4d11.so.3.3",
        "psycopg_binary.libs/libgssapi_krb5-923083ce.so.2.2",
        "psycopg_binary.libs/libcom_err-2abe824b.so.2.1",
        "psycopg_binary\\libpq.dll",
        "psycopg_binary\\libssl-3-x64.dll",
    ],
)
def test_libpq_keeps_its_own_libraries(spec, dest: str) -> None:
    """Kerberos and friends dropped for Qt's sake stay when libpq brought them."""
    assert kept(spec, dest)
    assert not kept(spec, "libkrb5.so.3")  # Qt's copy still goes


@pytest.fixture(scope="module")
def iss() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Persian only from a script with a BOM"
    return raw[3:].decode("utf-8")


def setup_value(iss: str, key: str) -> str | None:
    match = re.search(rf"^{key}=(.*)$", iss, re.MULTILINE)
    return match.group(1).strip() if match else None


def test_installer_uses_autopf_with_the_all_users_choice(iss: str) -> None:
    directory = setup_value(iss, "DefaultDirName") or ""
    if setup_value(iss, "PrivilegesRequiredOverridesAllowed") == "dialog":
        assert directory.startswith("{autopf}")  # Program Files for all users, else per user
    assert "{localappdata}" not in directory
    assert setup_value(iss, "AppId") == "{{6F1C2A8E-5B7D-4C1E-9A3F-0D2B8E4A7C91}"  # never changes


def test_installer_wizard_is_persian_and_right_to_left(iss: str) -> None:
    languages = iss.split("[Languages]", 1)[1].split("\n[", 1)[0]
    first = [line for line in languages.splitlines() if line.startswith("Name:")][0]
    assert first.startswith('Name: "persian"') and "PersianMessages" in first
    assert "persian.RightToLeft=yes" in iss
    assert setup_value(iss, "LanguageDetectionMethod") == "none"
    assert '#define AppName "میز دیپلماسی استانی قزوین"' in iss
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', iss, re.MULTILINE)


def test_installer_closes_a_running_copy_through_its_mutex(iss: str) -> None:
    assert f'#define AppMutexName "{windows.APP_MUTEX}"' in iss
    assert setup_value(iss, "AppMutex") == "{#AppMutexName},Global\\{#AppMutexName}"
    assert setup_value(iss, "CloseApplications") == "yes"


def test_installer_can_be_signed(iss: str) -> None:
    assert "SignTool=officesign" in iss and "SignedUninstaller=yes" in iss


def ico_sizes(path: Path) -> set[int]:
    data = path.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width = data[6 + 16 * i]
        sizes.add(width or 256)
    return sizes


def test_icon_has_the_small_sizes_windows_shows(iss: str) -> None:
    assert {16, 24, 32, 48, 256} <= ico_sizes(ICO)
    assert "SetupIconFile=..\\icons\\app.ico" in iss
