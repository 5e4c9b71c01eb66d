; Inno Setup script: Newsreader's Windows installer (Inno Setup 6.5 or later, whose
; compiler ships Languages\Arabic.isl). Not built in this project's CI (Linux only);
; packaging/README.md, "Windows", gives the steps. From the source tree's root:
;
;     packaging\build.sh cannot run on Windows: build the bundle by hand first
;     py -3.11 -m venv build\bundle-env
;     build\bundle-env\Scripts\pip install dist\newsreader-VERSION-py3-none-any.whl "pyinstaller>=6.10,<7"
;     build\bundle-env\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\pyinstaller\newsreader.spec
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=VERSION packaging\windows\newsreader.iss
;
; Output: dist\Newsreader-VERSION-setup.exe. It installs for the current user
; without administrator rights (into %LOCALAPPDATA%\Programs\Newsreader), or for
; all users when the user picks that in the first dialog.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Newsreader"
#define AppExe "newsreader.exe"

[Setup]
; The id ties upgrades and the uninstaller together: never change it.
AppId={{6F1C2E0A-5B7D-4E8B-9A43-2C1E7D0B9F11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Newsreader developers
AppPublisherURL=https://github.com/newsreader/newsreader
AppSupportURL=https://github.com/newsreader/newsreader/issues
; Per-user by default, no UAC prompt; the dialog lets an administrator choose
; "all users" instead. {autopf} and {autoprograms} follow the mode chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; The bundle is 64-bit only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Relative paths are from this script's folder.
SourceDir=.
OutputDir=..\..\dist
OutputBaseFilename=Newsreader-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app\io.github.newsreader.Newsreader.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Ask which language (Arabic or English) the installer speaks; the user's own
; Windows language is preselected.
ShowLanguageDialog=yes
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"

[CustomMessages]
en.AppComment=Read news from many sources, offline, without ads or scripts
ar.AppComment=اقرأ الأخبار من مصادر كثيرة دون اتصال وبلا إعلانات

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller bundle (dist\newsreader\: newsreader.exe and _internal\).
Source: "..\..\dist\newsreader\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start menu entry (and the optional desktop one); the uninstaller is listed in
; Settings > Apps, and a Start menu entry for it is not wanted on Windows 10/11.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's news, subscriptions, notes and settings (in %LOCALAPPDATA%\newsreader)
; are the user's: the uninstaller leaves them.
