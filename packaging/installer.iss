; Inno Setup script for Kiwoom Desk: a per-user install (no administrator rights), a Start-menu entry and an
; uninstaller. Build it after PyInstaller:  iscc /DAppVersion=0.1.0 packaging\installer.iss
; The AppId is fixed for ever: Windows recognises upgrades and the uninstaller by it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\installer.iss
#endif

[Setup]
AppId={{6B1F3E2A-8C4D-4E5F-9A7B-2D3C4E5F6A7B}
AppName=Kiwoom Desk
AppVersion={#AppVersion}
AppVerName=Kiwoom Desk {#AppVersion}
AppPublisher=Kiwoom Desk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Kiwoom Desk
DefaultGroupName=Kiwoom Desk
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=KiwoomDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kiwoom-desk.ico
; Drawn by packaging\make_icon.py; Inno Setup picks the one that suits the screen's scaling.
WizardImageFile=..\resources\installer\wizard.bmp,..\resources\installer\wizard-200.bmp
WizardSmallImageFile=..\resources\installer\wizard-small.bmp,..\resources\installer\wizard-small-200.bmp
UninstallDisplayIcon={app}\KiwoomDesk.exe
UninstallDisplayName=Kiwoom Desk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\KiwoomDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Kiwoom Desk"; Filename: "{app}\KiwoomDesk.exe"
Name: "{autodesktop}\Kiwoom Desk"; Filename: "{app}\KiwoomDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\KiwoomDesk.exe"; Description: "{cm:LaunchProgram,Kiwoom Desk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Settings, keys (in the Credential Manager) and the practice account (in %LOCALAPPDATA%) stay: a reinstall
; finds them again. Only what the program wrote into its own folder goes.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
