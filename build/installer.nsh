; Vikno's additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; electron-builder includes this file at the top of its script; its macros customInit,
; customInstall and customUnInstall are called from its .onInit, install and uninstall sections.
;
; The machine-wide desk config, %ProgramData%\Vikno\config.json (docs/IT.md, "Installers and
; silent install"), is written from install parameters, so IT can roll out desks without
; touching each one:
;   Vikno-Setup.exe /S /CONFIG=\\server\share\vikno\desk-07.json
;   Vikno-Setup.exe /S /CENTER=KYIV01 /CENTERNAME="ЦНАП Києва" /DESK=07 /WINDOW=7
;                      /BACKOFFICE=https://cnap.example.gov.ua/ /CODE=8F3K-... /UPDATES=notify
; /CONFIG copies a file as it is; the values write a new file in its place. With neither, an
; existing file is left alone (an update keeps IT's config). The app validates the file at start
; and stops with a message naming the key when a value is wrong.
; Uninstall keeps the config and every user's data unless run with --delete-app-data.

!include LogicLib.nsh
!include FileFunc.nsh

!ifndef BUILD_UNINSTALLER
  Var viknoConfigFile
  Var viknoCenter
  Var viknoCenterName
  Var viknoDesk
  Var viknoWindow
  Var viknoBackOffice
  Var viknoCode
  Var viknoUpdates
  Var viknoUpdateUrl

  ; Stops the installer before anything is installed: a message box when run with a UI, exit
  ; code 2 and the message in the log when silent (/SD answers the box).
  !macro viknoRefuse message
    MessageBox MB_OK|MB_ICONSTOP "${message}" /SD IDOK
    DetailPrint "${message}"
    SetErrorLevel 2
    Quit
  !macroend

  ; Reads one /NAME=value parameter into a variable ("" when absent).
  !macro viknoOption params name var
    ClearErrors
    ${GetOptions} "${params}" "/${name}=" ${var}
    ${If} ${Errors}
      StrCpy ${var} ""
    ${EndIf}
  !macroend

  ; Pops a string and pushes it as a JSON string literal. Every character outside printable
  ; ASCII, and " and \, is written as \uXXXX: NSIS writes text in the machine's ANSI code page,
  ; and an escaped file is the same in every code page and is UTF-8 for the app's JSON.parse.
  Function viknoJsonString
    Exch $0
    Push $1
    Push $2
    Push $3
    Push $4
    Push $5
    StrCpy $1 '"'
    StrCpy $2 0
    viknoNextChar:
      StrCpy $3 $0 1 $2
      StrCmp $3 "" viknoDone
      ; The character's UTF-16 code: copied into a two-character buffer (the character and the
      ; terminating NUL) and its first 16 bits read back as an integer.
      System::Call "*(&t2 r3)p.r5"
      System::Call "*$5(&i2 .r4)"
      System::Free $5
      ${If} $4 < 32
      ${OrIf} $4 > 126
      ${OrIf} $4 = 34
      ${OrIf} $4 = 92
        IntFmt $3 "\u%04x" $4
      ${EndIf}
      StrCpy $1 "$1$3"
      IntOp $2 $2 + 1
      Goto viknoNextChar
    viknoDone:
    StrCpy $0 '$1"'
    Pop $5
    Pop $4
    Pop $3
    Pop $2
    Pop $1
    Exch $0
  FunctionEnd

  ; Appends `"key":<json string of value>` to $R9 with a comma when needed.
  !macro viknoJsonField key value
    Push "${value}"
    Call viknoJsonString
    Pop $R7
    ${If} $R8 != ""
      StrCpy $R8 "$R8,"
    ${EndIf}
    StrCpy $R8 '$R8"${key}":$R7'
  !macroend

  !macro customInit
    ${GetParameters} $R0
    !insertmacro viknoOption $R0 CONFIG $viknoConfigFile
    !insertmacro viknoOption $R0 CENTER $viknoCenter
    !insertmacro viknoOption $R0 CENTERNAME $viknoCenterName
    !insertmacro viknoOption $R0 DESK $viknoDesk
    !insertmacro viknoOption $R0 WINDOW $viknoWindow
    !insertmacro viknoOption $R0 BACKOFFICE $viknoBackOffice
    !insertmacro viknoOption $R0 CODE $viknoCode
    !insertmacro viknoOption $R0 UPDATES $viknoUpdates
    !insertmacro viknoOption $R0 UPDATEURL $viknoUpdateUrl

    ; Checked before anything is installed; the values themselves are checked by the app at start.
    ${If} $viknoConfigFile != ""
      ${IfNot} ${FileExists} "$viknoConfigFile"
        !insertmacro viknoRefuse "Vikno: the config file given by /CONFIG= does not exist: $viknoConfigFile"
      ${EndIf}
      StrCpy $R1 "$viknoCenter$viknoCenterName$viknoDesk$viknoWindow$viknoBackOffice$viknoCode$viknoUpdates$viknoUpdateUrl"
      ${If} $R1 != ""
        !insertmacro viknoRefuse "Vikno: give either /CONFIG= or the values (/CENTER= ...), not both."
      ${EndIf}
    ${EndIf}
    ; The config's center and desk each need both of their fields.
    ${If} $viknoCenter != ""
    ${AndIf} $viknoCenterName == ""
      !insertmacro viknoRefuse "Vikno: /CENTER= needs /CENTERNAME= (the center's name) too."
    ${EndIf}
    ${If} $viknoCenterName != ""
    ${AndIf} $viknoCenter == ""
      !insertmacro viknoRefuse "Vikno: /CENTERNAME= needs /CENTER= (the center's code) too."
    ${EndIf}
    ${If} $viknoDesk != ""
    ${AndIf} $viknoWindow == ""
      !insertmacro viknoRefuse "Vikno: /DESK= needs /WINDOW= (the window number the clerk sits at) too."
    ${EndIf}
    ${If} $viknoWindow != ""
    ${AndIf} $viknoDesk == ""
      !insertmacro viknoRefuse "Vikno: /WINDOW= needs /DESK= (the desk's code) too."
    ${EndIf}
    ${If} $viknoCode != ""
    ${AndIf} $viknoBackOffice == ""
      !insertmacro viknoRefuse "Vikno: /CODE= needs /BACKOFFICE= (the back office the code is for) too."
    ${EndIf}
    ${If} $viknoUpdates != ""
    ${AndIf} $viknoUpdates != "auto"
    ${AndIf} $viknoUpdates != "notify"
    ${AndIf} $viknoUpdates != "off"
      !insertmacro viknoRefuse "Vikno: /UPDATES= takes auto, notify or off, not $viknoUpdates."
    ${EndIf}
  !macroend

  !macro customInstall
    ReadEnvStr $R2 PROGRAMDATA
    ${If} $R2 == ""
      StrCpy $R2 "$WINDIR\..\ProgramData"
    ${EndIf}
    StrCpy $R3 "$R2\Vikno"
    CreateDirectory "$R3"
    ; Clerks read the config, only administrators and the system change it: ProgramData lets
    ; every user add files below it, which would let a clerk plant a config IT never wrote.
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R3" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
    Pop $R4
    ${If} $R4 != 0
      DetailPrint "Vikno: icacls could not restrict $R3 (exit $R4); check its permissions by hand."
    ${EndIf}

    ${If} $viknoConfigFile != ""
      ClearErrors
      CopyFiles /SILENT "$viknoConfigFile" "$R3\config.json"
      ${If} ${Errors}
        !insertmacro viknoRefuse "Vikno: could not copy $viknoConfigFile to $R3\config.json."
      ${EndIf}
      DetailPrint "Vikno: machine config copied from $viknoConfigFile to $R3\config.json"
    ${Else}
      StrCpy $R1 "$viknoCenter$viknoDesk$viknoBackOffice$viknoUpdates$viknoUpdateUrl"
      ${If} $R1 != ""
        StrCpy $R9 ""
        ${If} $viknoCenter != ""
          StrCpy $R8 ""
          !insertmacro viknoJsonField code $viknoCenter
          !insertmacro viknoJsonField name $viknoCenterName
          StrCpy $R9 '$R9,"center":{$R8}'
        ${EndIf}
        ${If} $viknoDesk != ""
          StrCpy $R8 ""
          !insertmacro viknoJsonField code $viknoDesk
          !insertmacro viknoJsonField window $viknoWindow
          StrCpy $R9 '$R9,"desk":{$R8}'
        ${EndIf}
        ${If} $viknoBackOffice != ""
          StrCpy $R8 ""
          !insertmacro viknoJsonField url $viknoBackOffice
          ${If} $viknoCode != ""
            !insertmacro viknoJsonField enrollmentCode $viknoCode
          ${EndIf}
          StrCpy $R9 '$R9,"backOffice":{$R8}'
        ${EndIf}
        ${If} $viknoUpdates != ""
        ${OrIf} $viknoUpdateUrl != ""
          StrCpy $R8 ""
          ${If} $viknoUpdates != ""
            !insertmacro viknoJsonField policy $viknoUpdates
          ${EndIf}
          ${If} $viknoUpdateUrl != ""
            !insertmacro viknoJsonField url $viknoUpdateUrl
          ${EndIf}
          StrCpy $R9 '$R9,"updates":{$R8}'
        ${EndIf}
        ; $R9 starts with a comma: the first field's separator becomes the opening brace.
        StrCpy $R9 $R9 "" 1
        ClearErrors
        FileOpen $R5 "$R3\config.json" w
        ${If} ${Errors}
          !insertmacro viknoRefuse "Vikno: could not write $R3\config.json."
        ${EndIf}
        FileWrite $R5 "{$R9}$\r$\n"
        FileClose $R5
        DetailPrint "Vikno: machine config written to $R3\config.json"
      ${EndIf}
    ${EndIf}
  !macroend
!endif

!ifdef BUILD_UNINSTALLER
  ; An update uninstalls the old version first: the config and data must survive that always.
  !macro customUnInstall
    ${IfNot} ${isUpdated}
      ClearErrors
      ${GetParameters} $R0
      ${GetOptions} $R0 "--delete-app-data" $R1
      ${IfNot} ${Errors}
        ReadEnvStr $R2 PROGRAMDATA
        ${If} $R2 != ""
          RMDir /r "$R2\Vikno"
          DetailPrint "Vikno: removed the machine config folder $R2\Vikno (--delete-app-data)"
        ${EndIf}
      ${EndIf}
    ${EndIf}
  !macroend
!endif
