@echo off
rem Runs pmtriage, building it first with Maven when the jar is missing or older than a source.
rem Every path is quoted (spaces); the exit code of java (or 3 for a failed build) is passed on.
setlocal
set "HOME_DIR=%~dp0.."
set "JAR=%HOME_DIR%\target\pmtriage.jar"
rem NEWER: how many sources are newer than the jar, as PowerShell counts them; 1 when there is no jar
rem (or no PowerShell: then the build runs each time, which is slow but never stale).
set "NEWER=1"
if exist "%JAR%" for /f "usebackq delims=" %%n in (`powershell -NoProfile -Command "$jar = (Get-Item -LiteralPath '%JAR%').LastWriteTime; @(Get-ChildItem -LiteralPath '%HOME_DIR%\src\main', '%HOME_DIR%\pom.xml' -Recurse -File | Where-Object { $_.LastWriteTime -gt $jar }).Count"`) do set "NEWER=%%n"
if not "%NEWER%"=="0" (
  echo pmtriage: building "%JAR%" ^(first run or sources changed^)... 1>&2
  call mvn -q -B -Dstyle.color=never -DskipTests -f "%HOME_DIR%\pom.xml" package 1>&2
  if errorlevel 1 (echo pmtriage: build failed 1>&2 & exit /b 3)
)
rem The parallel collector unless JAVA_OPTS names a collector (docs/performance.md).
set "GC=-XX:+UseParallelGC"
echo.%JAVA_OPTS% | findstr /C:"GC" >nul && set "GC="
rem A heap of 256 MB unless JAVA_OPTS sizes it (the JVM's default let a build capture reach 451 MB resident, docs/performance.md).
set "HEAP=-Xmx256m"
echo.%JAVA_OPTS% | findstr /C:"-Xmx" /C:"MaxHeapSize" /C:"MaxRAM" >nul && set "HEAP="
java %GC% %HEAP% %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
