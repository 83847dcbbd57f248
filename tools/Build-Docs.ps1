#Requires -Version 7.2
<#
.SYNOPSIS
    Refreshes docs/<Cmdlet>.md from the built module and turns them into MAML help in module/en-US.

.DESCRIPTION
    1. Builds the module (dotnet build src/CaseOps) when artifacts/module/CaseOps is missing.
    2. In a fresh pwsh process (so a CaseOps.dll loaded in this session, stale or locked, plays no
       part), imports the staged module and PlatyPS 1.x, then for every exported command merges
       its existing docs/<Name>.md with the command (PlatyPS's Update-CommandHelp, the engine of
       Update-MarkdownCommandHelp, corrected as described at Update-CommandPage: new parameters
       get a section, removed ones lose theirs, written text is kept as it is), or runs
       New-MarkdownCommandHelp when the command has no page yet.
    3. Exports all pages with Export-MamlCommandHelp, repairs what PlatyPS 1.0.3 gets wrong for
       Get-Help (see Repair-Maml) and writes module/en-US/CaseOps.dll-Help.xml, the file Get-Help
       looks for in the culture folder beside CaseOps.dll.
    4. Turns every about topic, docs/about_*.md, into module/en-US/<title>.help.txt, the plain-text
       file Get-Help about_<Name> reads (PlatyPS 1.0 has no about-topic export; see Convert-AboutTopic).
    5. Rebuilds, so artifacts/module/CaseOps/en-US carries the new help.

    Pages with PlatyPS placeholders ({{ ... }}) are reported; -Strict makes them an error.

.PARAMETER Strict
    Fail when a page still has PlatyPS placeholders or when docs/ has a page for a command the
    module no longer exports.

.PARAMETER NoBuild
    Skip the final dotnet build (module/en-US is still written).

.EXAMPLE
    ./tools/Build-Docs.ps1
#>
[CmdletBinding()]
param(
    [switch] $Strict,
    [switch] $NoBuild,
    # Internal: the step that runs in the child process.
    [Parameter(DontShow)] [switch] $GenerateOnly
)

$ErrorActionPreference = 'Stop'

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$docsDir = Join-Path $repoRoot 'docs'
$helpDir = Join-Path $repoRoot 'module/en-US'
$moduleName = 'CaseOps'
$helpFileName = 'CaseOps.dll-Help.xml'
$stagedManifest = Join-Path $repoRoot "artifacts/module/$moduleName/$moduleName.psd1"
$platyName = 'Microsoft.PowerShell.PlatyPS'

function Assert-PlatyPS {
    $platy = Get-Module -ListAvailable -Name $platyName |
        Where-Object { $_.Version -ge [version]'1.0.0' -and $_.Version -lt [version]'2.0.0' } |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $platy) {
        throw ("$platyName 1.x is not installed, and the docs build needs it (the legacy 'platyPS' 0.x module " +
            "has another markdown schema and does not work here). Install it with " +
            "'Install-PSResource $platyName -Version 1.*' or put a PowerShell that has it on PATH.")
    }
    $platy
}

function Invoke-ModuleBuild {
    Write-Host "dotnet build src/$moduleName"
    & dotnet build (Join-Path $repoRoot "src/$moduleName") --nologo -v:q -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { throw "dotnet build src/$moduleName failed (exit code $LASTEXITCODE)." }
    if (-not (Test-Path $stagedManifest)) { throw "The build did not stage $stagedManifest." }
}

function Test-AboutPage([string] $path) {
    (Get-Content -LiteralPath $path -TotalCount 12) -match '^document type:\s*about\s*$'
}

# An about topic's markdown as the plain text of an about_*.help.txt: the front matter goes, the
# '# title' becomes TOPIC with the title under it, '## SECTION' headings stay at the margin,
# '### SUBSECTION' headings are indented by 2 and every other line by 4 (indented code blocks by 8).
# The page is written hard-wrapped at 76 columns, so the text stays within 80. Backticks go: the text
# is read in a console. tests/CaseOps.Tests/Docs/AboutTopicTests.cs checks the shipped file against
# the page word for word.
function Convert-AboutTopic([string] $Markdown) {
    $lines = $Markdown.TrimStart([char]0xFEFF).Replace("`r`n", "`n").Split("`n")
    $start = 0
    if ($lines[0] -eq '---') {
        $start = [Array]::IndexOf($lines, '---', 1) + 1
        if ($start -le 0) { throw 'The about page''s front matter is not closed with ---.' }
    }
    $out = [Collections.Generic.List[string]]::new()
    $afterHeading = $false   # a heading's text follows on the next line, as in PowerShell's own about topics
    foreach ($line in $lines[$start..($lines.Count - 1)]) {
        $text = $line.TrimEnd() -replace '`', ''
        if ($text -match '^# (.+)$') { $out.Add('TOPIC'); $out.Add('    ' + $Matches[1]); $afterHeading = $false }
        elseif ($text -match '^## (.+)$') { $out.Add($Matches[1]); $afterHeading = $true }
        elseif ($text -match '^### (.+)$') { $out.Add('  ' + $Matches[1]); $afterHeading = $true }
        elseif ($text) { $out.Add('    ' + $text); $afterHeading = $false }
        elseif (-not $afterHeading -and $out.Count -and $out[$out.Count - 1]) { $out.Add('') }
    }
    while ($out.Count -and -not $out[$out.Count - 1]) { $out.RemoveAt($out.Count - 1) }
    ($out -join "`n") + "`n"
}

function Write-AboutTopic {
    foreach ($file in Get-ChildItem -LiteralPath $docsDir -Filter 'about_*.md' -File) {
        if (-not (Test-AboutPage $file.FullName)) { throw "docs/$($file.Name) is not an about page (document type: about)." }
        $target = Join-Path $helpDir "$($file.BaseName).help.txt"
        $text = Convert-AboutTopic ([IO.File]::ReadAllText($file.FullName))
        [IO.File]::WriteAllText($target, $text, [Text.UTF8Encoding]::new($false))
        Write-Host "Wrote module/en-US/$($file.BaseName).help.txt"
    }
}

function Test-CommandPage([string] $path) {
    # about_* topics and other markdown are not command pages.
    (Get-Content -LiteralPath $path -TotalCount 12) -match '^document type:\s*cmdlet\s*$'
}

if (-not $GenerateOnly) {
    $null = Assert-PlatyPS
    if (-not (Test-Path $stagedManifest)) { Invoke-ModuleBuild }

    # The generation runs in a new process: importing CaseOps.dll here would pin this session to
    # that build, and on Windows lock the file the final build must overwrite.
    $pwsh = (Get-Process -Id $PID).Path
    $arguments = @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-GenerateOnly')
    if ($Strict) { $arguments += '-Strict' }
    & $pwsh @arguments
    if ($LASTEXITCODE -ne 0) { throw "Generating the help failed (exit code $LASTEXITCODE); see the messages above." }

    if (-not $NoBuild) { Invoke-ModuleBuild }
    Write-Host "Help written to module/en-US/$helpFileName$(if (-not $NoBuild) { " and staged" })."
    return
}

# ---- child process: update the pages and export MAML ----------------------------------------

# Export-MamlCommandHelp (1.0.3) output needs these repairs before Get-Help shows it well:
# - examples: the whole markdown body lands in <maml:introduction>, code fences and all, with a
#   stray U+0080 paragraph; Get-Help wants the code in <dev:code> and the prose in <dev:remarks>;
# - related links to other pages (Get-Case.md) are no URIs to Get-Help, and PlatyPS itself fails on
#   them when it reads the help back ("The specified URI ... is not valid"); the link text names
#   the command, which is what Get-Help shows;
# - pages without a HelpUri get an empty "Online Version" link;
# - the parameters' DefaultValue is not written, so Get-Help shows no "Default value".
function Repair-Maml([string] $Source, [string] $Destination, $Help) {
    $xml = [xml]::new()
    $xml.Load($Source)
    $ns = [Xml.XmlNamespaceManager]::new($xml.NameTable)
    $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')

    foreach ($example in $xml.SelectNodes('//command:example', $ns)) {
        $intro = $example.SelectSingleNode('maml:introduction', $ns)
        $code = $example.SelectSingleNode('dev:code', $ns)
        $remarks = $example.SelectSingleNode('dev:remarks', $ns)
        if (-not $intro -or -not $code -or -not $remarks -or $code.InnerText.Trim()) { continue }
        # A code block with blank lines in it comes split over several paragraphs: rejoin the
        # body, then take the fenced blocks as code and the rest as remarks.
        $paras = @($intro.SelectNodes('maml:para', $ns))
        $body = ($paras.InnerText | Where-Object { $_ -replace '[\s\p{Cc}]', '' }) -join "`n`n"
        foreach ($para in $paras) { $null = $intro.RemoveChild($para) }
        $fence = '(?m)^```[\w-]*[ \t]*\r?\n(?<code>[\s\S]*?)\r?\n```[ \t]*$'
        $blocks = @([regex]::Matches($body, $fence) | ForEach-Object { $_.Groups['code'].Value })
        $prose = [regex]::Replace($body, $fence, "`n`n") -split '(?:\r?\n){2,}' | ForEach-Object Trim | Where-Object { $_ }
        foreach ($text in @($prose) + '') {
            # the empty last paragraph puts a blank line between examples in Get-Help's output
            $para = $xml.CreateElement('maml', 'para', $ns.LookupNamespace('maml'))
            $para.InnerText = $text
            $null = $remarks.AppendChild($para)
        }
        $code.InnerText = $blocks -join "`n`n"
    }

    foreach ($uri in $xml.SelectNodes('//maml:navigationLink/maml:uri', $ns)) {
        if ($uri.InnerText -and $uri.InnerText -notmatch '^[A-Za-z][A-Za-z0-9+.-]*://') { $uri.InnerText = '' }
    }
    foreach ($link in @($xml.SelectNodes('//maml:navigationLink', $ns))) {
        if ($link.SelectSingleNode('maml:linkText', $ns).InnerText -eq 'Online Version' -and
            -not $link.SelectSingleNode('maml:uri', $ns).InnerText) {
            $null = $link.ParentNode.RemoveChild($link)
        }
    }

    foreach ($item in $Help) {
        $command = $xml.SelectSingleNode("//command:command[command:details/command:name='$($item.Title)']", $ns)
        foreach ($parameter in $item.Parameters) {
            if ([string]::IsNullOrEmpty($parameter.DefaultValue)) { continue }
            $node = $command.SelectSingleNode("command:parameters/command:parameter[maml:name='$($parameter.Name)']", $ns)
            if (-not $node -or $node.SelectSingleNode('dev:defaultValue', $ns)) { continue }
            $default = $xml.CreateElement('dev', 'defaultValue', $ns.LookupNamespace('dev'))
            $default.InnerText = $parameter.DefaultValue
            $null = $node.AppendChild($default)
        }
    }

    $settings = [Xml.XmlWriterSettings]@{ Indent = $true; NewLineChars = "`n"; Encoding = [Text.UTF8Encoding]::new($false) }
    $writer = [Xml.XmlWriter]::Create($Destination, $settings)
    try { $xml.Save($writer) } finally { $writer.Dispose() }
}

# Update-MarkdownCommandHelp alone is not enough (PlatyPS 1.0.3): where a parameter's description
# in the page differs from the one Get-Help gives for the loaded command (always so for -WhatIf and
# -Confirm; for any parameter edited since the help the module carries was built) it appends the
# latter, on every run; it keeps sections of parameters the command no longer has (it takes them
# for dynamic parameters); and it stamps ms.date with today. So: merge with Update-CommandHelp, put
# the page's own parameter descriptions back, drop vanished parameters, and rewrite the page only
# when something other than the date changed.
function Update-CommandPage($Command, [string] $Page, [string] $Scratch) {
    $before = Import-MarkdownCommandHelp -LiteralPath $Page
    $merged = Update-CommandHelp -LiteralPath $Page
    $names = @($Command.Parameters.Keys)
    foreach ($parameter in @($merged.Parameters)) {
        $documented = $before.Parameters | Where-Object Name -EQ $parameter.Name | Select-Object -First 1
        if ($documented) {
            $parameter.Description = $documented.Description
        }
        if ($parameter.Name -notin $names) {
            Write-Warning "docs/$($Command.Name).md: removing the section of -$($parameter.Name), which $($Command.Name) no longer has."
            $null = $merged.Parameters.Remove($parameter)
        }
        elseif (-not $documented) {
            Write-Warning "docs/$($Command.Name).md: new parameter -$($parameter.Name); describe it."
        }
    }
    $today = $merged.Metadata['ms.date']
    $merged.Metadata['ms.date'] = $before.Metadata['ms.date']
    $outDir = Join-Path $Scratch ([guid]::NewGuid().ToString('N'))
    $written = Export-MarkdownCommandHelp -CommandHelp $merged -OutputFolder $outDir -Force
    $old = [IO.File]::ReadAllText($Page).TrimStart([char]0xFEFF).Replace("`r`n", "`n")
    $new = [IO.File]::ReadAllText($written.FullName).TrimStart([char]0xFEFF).Replace("`r`n", "`n")
    if ($new -ne $old) {
        $new = $new -replace '(?m)^ms\.date: .*$', "ms.date: $today"
        [IO.File]::WriteAllText($Page, $new, [Text.UTF8Encoding]::new($false))
        Write-Host "Updated docs/$($Command.Name).md"
    }
}

$platy = Assert-PlatyPS
Import-Module $platy.Path -Force
$null = New-Item -ItemType Directory -Force -Path $docsDir, $helpDir
$scratch = Join-Path ([IO.Path]::GetTempPath()) ("caseops-docs-" + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $scratch
try {
    # Import a copy of the staged module without its help: the pages, not the last build's MAML,
    # are the source of every text, and a stale or broken MAML must not leak back into them.
    $moduleCopy = Join-Path $scratch $moduleName
    Copy-Item -LiteralPath (Split-Path $stagedManifest) -Destination $moduleCopy -Recurse
    Get-ChildItem -LiteralPath $moduleCopy -Recurse -Filter '*-Help.xml' | Remove-Item -Force
    Import-Module (Join-Path $moduleCopy "$moduleName.psd1") -Force
    $module = Get-Module $moduleName
    $commands = @($module.ExportedCommands.Values |
            Where-Object { $_.CommandType -in 'Cmdlet', 'Function' } | Sort-Object Name)
    if ($commands.Count -eq 0) { throw "$stagedManifest exports no commands." }

    $pages = foreach ($command in $commands) {
        $page = Join-Path $docsDir "$($command.Name).md"
        if (Test-Path -LiteralPath $page) {
            Update-CommandPage -Command $command -Page $page -Scratch $scratch
        }
        else {
            # New-MarkdownCommandHelp writes <OutputFolder>/<Module>/<Name>.md; docs/ is flat.
            $new = New-MarkdownCommandHelp -CommandInfo $command -OutputFolder $scratch -Force
            Move-Item -LiteralPath $new.FullName -Destination $page
            Write-Warning "New page docs/$($command.Name).md: fill in its placeholders."
        }
        $page
    }

    $problems = [Collections.Generic.List[string]]::new()
    $exported = @($commands.Name)
    foreach ($file in Get-ChildItem -LiteralPath $docsDir -Filter '*.md' -File) {
        if (-not (Test-CommandPage $file.FullName)) { continue }
        if ($file.BaseName -notin $exported) {
            $problems.Add("docs/$($file.Name) documents '$($file.BaseName)', which $moduleName does not export: delete or rename it.")
        }
    }
    foreach ($page in $pages) {
        $holes = Select-String -LiteralPath $page -Pattern '\{\{.*?\}\}' -AllMatches
        if ($holes) {
            $problems.Add("docs/$(Split-Path $page -Leaf) still has $(@($holes).Count) placeholder line(s), first at line $($holes[0].LineNumber): $($holes[0].Line.Trim())")
        }
    }
    foreach ($problem in $problems) {
        if ($Strict) { Write-Error $problem -ErrorAction Continue } else { Write-Warning $problem }
    }
    if ($Strict -and $problems.Count) { throw "$($problems.Count) documentation problem(s); see above." }

    $help = $pages | Import-MarkdownCommandHelp
    foreach ($item in $help) {
        # Every page must go into the one file Get-Help looks for beside CaseOps.dll.
        $item.ExternalHelpFile = $helpFileName
        $item.Metadata['external help file'] = $helpFileName
    }
    $mamlDir = Join-Path $scratch 'maml'
    $null = $help | Export-MamlCommandHelp -OutputFolder $mamlDir -Force
    # Export-MamlCommandHelp writes <OutputFolder>/<ModuleName>/<external help file>.
    $written = @(Get-ChildItem -LiteralPath $mamlDir -Recurse -Filter '*.xml' -File)
    if ($written.Count -ne 1 -or $written[0].Name -ne $helpFileName) {
        throw "Expected Export-MamlCommandHelp to write one $helpFileName, got: $($written.Name -join ', ')"
    }
    Repair-Maml -Source $written[0].FullName -Destination (Join-Path $helpDir $helpFileName) -Help $help
    Write-Host "Exported $($help.Count) command(s) to module/en-US/$helpFileName"
    Write-AboutTopic
}
finally {
    Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
}
