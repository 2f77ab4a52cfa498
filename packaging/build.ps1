# Builds Kiwoom Desk for Windows from a clean virtual environment: install, test, PyInstaller one-folder build,
# the frozen app's --self-check, then the Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-SkipTests] [-SkipInstaller]
param([switch]$SkipTests, [switch]$SkipInstaller)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path $PSScriptRoot -Parent)

function Step($text) { Write-Host "== $text" -ForegroundColor Cyan }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed with exit code $LASTEXITCODE" } }

Step "clean virtual environment"
if (Test-Path .build-venv) { Remove-Item -Recurse -Force .build-venv }
python -m venv .build-venv; Check "venv"
$python = Resolve-Path .build-venv\Scripts\python.exe
& $python -m pip install --upgrade pip; Check "pip upgrade"
& $python -m pip install -e ".[test]"; Check "install"

if (-not $SkipTests) {
    Step "tests"
    $env:QT_QPA_PLATFORM = "offscreen"
    & $python -m pytest -m "not slow"; Check "tests"
    Remove-Item Env:QT_QPA_PLATFORM
}

Step "PyInstaller"
& $python -m PyInstaller --noconfirm --clean packaging\kiwoom_desk.spec; Check "PyInstaller"
$exe = "dist\KiwoomDesk\KiwoomDesk.exe"
$size = (Get-ChildItem dist\KiwoomDesk -Recurse | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("dist\KiwoomDesk: {0:N0} MB" -f $size)

Step "smoke test: the frozen app's --self-check"
$env:QT_QPA_PLATFORM = "offscreen"
$check = Start-Process -FilePath $exe -ArgumentList "--self-check" -NoNewWindow -Wait -PassThru
Remove-Item Env:QT_QPA_PLATFORM
if ($check.ExitCode -ne 0) { throw "KiwoomDesk.exe --self-check exited $($check.ExitCode)" }

if (-not $SkipInstaller) {
    Step "installer"
    $version = & $python -c "import kiwoom_desk; print(kiwoom_desk.__version__)"; Check "version"
    $iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
    if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
    if (-not (Test-Path $iscc)) { throw "Inno Setup 6 is not installed (choco install innosetup)" }
    & $iscc "/DAppVersion=$version" packaging\installer.iss; Check "Inno Setup"
    Get-ChildItem dist\KiwoomDesk-*-setup.exe | ForEach-Object { Write-Host "installer: $($_.FullName)" }
}
