; Inno Setup script for the Windows installer of Field Desk (Inno Setup 6).
;
; Input: the one-folder bundle that PyInstaller builds on Windows from packaging/field-desk.spec
; (dist\field-desk\field-desk.exe and dist\field-desk\_internal\). Build, from the checkout:
;   iscc /DAppVersion=0.1.0 packaging\windows\field-desk.iss
; Output: dist\field-desk-0.1.0-windows-x64-setup.exe. See docs/packaging.md for the whole
; procedure, signing included.
;
; Installs per user by default (no administrator needed, as on a locked-down office laptop);
; "for all users" is offered when the installer runs elevated. User data is never in the
; program folder: it lives in %LOCALAPPDATA%\field-desk (platformdirs), which uninstalling keeps.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\field-desk.iss
#endif
#define AppName "Field Desk"
#define AppExe "field-desk.exe"
#define Bundle "..\..\dist\field-desk"

[Setup]
; the AppId identifies the product across upgrades: never change it
AppId={{8C0F5E3A-6B7D-4E52-9A51-F1E1D5C0DE57}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Field Desk
DefaultDirName={autopf}\Field Desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=field-desk-{#AppVersion}-windows-x64-setup
SetupIconFile={#Bundle}\_internal\field-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an upgrade closes the running program first, so no file is in use
CloseApplications=yes
; signing: define a sign tool named "signtool" in the Inno Setup IDE or on the iscc command line
; (/Ssigntool=...) and uncomment the next line; see docs/packaging.md
;SignTool=signtool

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
