; Inno Setup script for the Windows installer of 医保基金现场检查 (inspector-app).
; Built on Windows only, after the one-folder build (see packaging/WINDOWS.md):
;     py -m PyInstaller --noconfirm --clean packaging\inspector.spec     -> dist\inspector\inspector.exe
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\inspector.iss  -> dist\inspector-setup-<version>.exe
; NOTE: this script has NOT been compiled in the project's CI, which runs on Linux only (the Linux one-folder
; build from the same spec is built and started there). Per-user install (no admin rights needed on a field
; laptop); the workspace lives in the user's AppData, so uninstalling never deletes inspection data.

#define AppName "医保基金现场检查"
#define AppVersion GetEnv("INSPECTOR_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1B8E2A-3C4D-4E5F-9A0B-1C2D3E4F5A6B}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=inspector-app
DefaultDirName={localappdata}\Programs\inspector-app
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=inspector-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible
WizardStyle=modern

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.4+; older versions keep it under Languages\Unofficial\.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\inspector\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\inspector.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\inspector.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\inspector.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
