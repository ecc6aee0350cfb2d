; Inno Setup script (Inno Setup 6.3 or newer; saved as UTF-8 with a byte-order mark, which
; Inno Setup needs to read the Persian texts): the installer of Qazvin Diplomacy Desk.
; Build on Windows after the PyInstaller one-folder build:
;   pyinstaller --noconfirm build_installer.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 resources\installer\QazvinDiplomacy.iss
; A signed build (see README, "For the office's IT person") adds /DSign and the sign tool:
;   ISCC /DSign "/Sofficesign=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /n $qQazvin Governorate$q $f" ...
; The wizard is Persian and right to left: Persian.isl (Inno Setup's user-contributed
; translations, https://jrsoftware.org/files/istrans/) goes beside this script or into Inno
; Setup's Languages folder.
; By default the program is installed for the current user without administrator rights
; ({autopf} is then %LOCALAPPDATA%\Programs); an administrator may choose "all users", and
; {autopf} is then Program Files with shortcuts for every user. The installer writes only the
; program folder; each user's data folder (%LOCALAPPDATA%\QazvinGovernorate\QazvinDiplomacy) is
; never touched, so an upgrade installs over the old version in place and keeps every record.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "میز دیپلماسی استانی قزوین"
#define AppNameEn "Qazvin Diplomacy Desk"
#define AppExe "QazvinDiplomacy.exe"
#define AppCliExe "QazvinDiplomacy-cli.exe"
; Keep in step with APP_MUTEX in qazvin_diplomacy/windows.py.
#define AppMutexName "QazvinDiplomacyDesk"
#define SourceDir "..\..\dist\QazvinDiplomacy"

#if FileExists(AddBackslash(SourcePath) + "Persian.isl")
  #define PersianMessages "Persian.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Persian.isl")
  #define PersianMessages "compiler:Languages\Persian.isl"
#else
  #error Persian.isl is missing: put it beside this script (https://jrsoftware.org/files/istrans/).
#endif

[Setup]
; A fixed AppId makes a newer installer upgrade the installed copy in place.
AppId={{6F1C2A8E-5B7D-4C1E-9A3F-0D2B8E4A7C91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=استانداری قزوین — Qazvin Governorate
DefaultDirName={autopf}\QazvinDiplomacy
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\dist\installer
OutputBaseFilename=QazvinDiplomacy-{#AppVersion}-setup
SetupIconFile=..\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running copy (the windowed or the command-line program) holds this mutex: Setup and the
; uninstaller ask for it to be closed; the Restart Manager closes it through aboutToQuit,
; which makes the on-exit backup and saves the settings.
AppMutex={#AppMutexName},Global\{#AppMutexName}
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no
; Always the Persian wizard (English stays available with /LANG=english).
LanguageDetectionMethod=none
#ifdef Sign
SignTool=officesign
SignedUninstaller=yes
#endif

[Languages]
Name: "persian"; MessagesFile: "{#PersianMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[LangOptions]
persian.RightToLeft=yes

[Messages]
persian.WelcomeLabel1=به نصب‌کنندهٔ [name] خوش آمدید
persian.WelcomeLabel2=این برنامه [name/ver] را روی این رایانه نصب می‌کند.%n%nداده‌ها و پشتیبان‌های شما دست نمی‌خورند.

[CustomMessages]
persian.DesktopShortcut=میان‌بر روی میز کار
persian.Shortcuts=میان‌برها:
persian.OpenProgram=باز کردن {#AppName}
persian.ShortcutComment=میز دیپلماسی استانی قزوین
english.DesktopShortcut=Create a desktop shortcut
english.Shortcuts=Shortcuts:
english.OpenProgram=Open {#AppNameEn}
english.ShortcutComment={#AppNameEn}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:Shortcuts}"

[InstallDelete]
; Remove the previous build's program files (never the data folder, which lives elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; Both programs: QazvinDiplomacy.exe (windowed) and QazvinDiplomacy-cli.exe (console), one _internal.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:OpenProgram}"; Flags: nowait postinstall skipifsilent runasoriginaluser
