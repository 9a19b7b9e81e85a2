@echo off
rem Runs pmtriage, building it first with Maven when the jar is missing or older than the sources.
setlocal
set "HOME_DIR=%~dp0.."
set "JAR=%HOME_DIR%\target\pmtriage.jar"
set "BUILD="
if not exist "%JAR%" set "BUILD=1"
if not defined BUILD (
  for /f %%i in (powershell -NoProfile -Command "$j=(Get-Item %JAR%).LastWriteTime; @(Get-ChildItem -Recurse -File %HOME_DIR%\src\main,%HOME_DIR%\pom.xml ^| Where-Object { $_.LastWriteTime -gt $j }).Count") do if not "%%i"=="0" set "BUILD=1"
)
if defined BUILD (
  echo pmtriage: building %JAR% ^(first run or sources changed^)... 1>&2
  pushd "%HOME_DIR%"
  call mvn -q -B -Dstyle.color=never -DskipTests package 1>&2
  if errorlevel 1 ( popd & echo pmtriage: build failed 1>&2 & exit /b 3 )
  popd
)
set "GC=-XX:+UseParallelGC"
echo %JAVA_OPTS% | findstr /C:"GC" >nul && set "GC="
java %GC% %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
