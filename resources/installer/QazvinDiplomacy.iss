; Inno Setup script: a per-user installer for Qazvin Diplomacy Desk (no administrator rights).
; Build on Windows after the PyInstaller one-folder build:
;   pyinstaller --noconfirm build_installer.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 resources\installer\QazvinDiplomacy.iss
; The installer writes only the program folder; the data folder (%LOCALAPPDATA%\QazvinGovernorate\
; QazvinDiplomacy) is never touched, so an upgrade installs over the old version in place and keeps every record.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "میز دیپلماسی استانی قزوین"
#define AppNameEn "Qazvin Diplomacy Desk"
#define AppExe "QazvinDiplomacy.exe"
#define SourceDir "..\..\dist\QazvinDiplomacy"

[Setup]
; A fixed AppId makes a newer installer upgrade the installed copy in place.
AppId={{6F1C2A8E-5B7D-4C1E-9A3F-0D2B8E4A7C91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=استانداری قزوین — Qazvin Governorate
DefaultDirName={localappdata}\Programs\QazvinDiplomacy
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
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; GroupDescription: "Shortcuts:"

[InstallDelete]
; Remove the previous build's program files (never the data folder, which lives elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Open {#AppNameEn}"; Flags: nowait postinstall skipifsilent
