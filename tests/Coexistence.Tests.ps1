<#
    The conflict matrix: CaseOps in one process with another module's RestSharp or Polly.Core, loaded
    before or after it (docs/architecture.md, "Assemblies and load contexts"; src/CaseOps/LoadContext/).
    Every case runs tests/Coexistence/Invoke-CoexistenceCase.ps1 in its own fresh pwsh, because what is
    loaded cannot be unloaded and the order of loads is the point; the child's exit code counts (a crash,
    such as exit code 134, fails the case) and so does every value it reports.

    Needs a build (./build.ps1 -Task Build, or ./build.ps1 -Task Test): the staged module, the emulator,
    and the other versions of RestSharp and Polly.Core, which tests/ConflictAssets/ConflictAssets.csproj
    downloads into the NuGet global packages folder on restore.
#>

BeforeDiscovery {
    # Load contexts exist on PowerShell 7 only; Windows PowerShell 5.1 binds through a resolver instead
    # (src/CaseOps/LoadContext/FrameworkDependencyResolver.cs), which this matrix does not cover.
    $script:NotPowerShell7 = $PSVersionTable.PSEdition -ne 'Core'
}

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    $script:ModuleDir = [System.IO.Path]::GetFullPath((Join-Path $repoRoot 'artifacts/module/CaseOps'))
    $script:Manifest = Join-Path $ModuleDir 'CaseOps.psd1'
    if (-not (Test-Path $Manifest)) { throw "The staged module is missing ($Manifest). Build first: ./build.ps1 -Task Build" }
    $script:DependencyDir = Join-Path $ModuleDir 'Dependencies'
    $script:CaseScript = Join-Path $PSScriptRoot 'Coexistence/Invoke-CoexistenceCase.ps1'
    $script:ExportScript = Join-Path $PSScriptRoot 'Coexistence/Get-ExportedTypeReport.ps1'
    # The children run the same PowerShell as this file.
    $script:PwshPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName

    # The NuGet global packages folder, as NuGet itself chooses it.
    function Get-GlobalPackagesFolder {
        if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
        $listed = & dotnet nuget locals global-packages --list 2>$null | Where-Object { $_ -match '^global-packages:\s*(.+?)\s*$' } | ForEach-Object { $Matches[1] }
        if ($listed) { return @($listed)[0] }
        Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages'
    }

    $packages = Get-GlobalPackagesFolder
    $script:Assets = [ordered]@{
        RestSharp108 = [System.IO.Path]::GetFullPath((Join-Path $packages 'restsharp/108.0.3/lib/netstandard2.0/RestSharp.dll'))
        RestSharp114 = [System.IO.Path]::GetFullPath((Join-Path $packages 'restsharp/114.1.0/lib/netstandard2.0/RestSharp.dll'))
        Polly81      = [System.IO.Path]::GetFullPath((Join-Path $packages 'polly.core/8.1.0/lib/netstandard2.0/Polly.Core.dll'))
    }
    $missing = @($Assets.Values | Where-Object { -not (Test-Path $_) })
    if ($missing) {
        throw "Conflict test assets missing from the NuGet global packages folder ($packages): $($missing -join ', '). " +
            'tests/ConflictAssets/ConflictAssets.csproj downloads them on restore: run dotnet build CaseOps.slnx (or dotnet restore tests/ConflictAssets/ConflictAssets.csproj).'
    }

    # What each file is, read from the file, so the assertions below do not trust the child's word for it.
    $script:FileVersion = @{}
    foreach ($path in @($Assets.Values) + (Join-Path $DependencyDir 'RestSharp.dll')) {
        $FileVersion[$path] = [System.Reflection.AssemblyName]::GetAssemblyName($path).Version.ToString()
    }

    # One emulator for everything, and a second one that answers 25 % of API requests 429 (Retry-After: 0)
    # and 5 % 503: the retries in src/CaseOps.Engine/Http/RetryPipelineFactory.cs must absorb them.
    $startSandbox = Join-Path $repoRoot 'tools/Start-Sandbox.ps1'
    $script:Sandbox = & $startSandbox -Cases 200 -Tickets 20 -Seed 42
    $script:FaultSandbox = & $startSandbox -Cases 200 -Tickets 5 -Seed 42 -ArgumentList '--rate-429', '0.25', '--rate-5xx', '0.05', '--retry-after', '0'

    # Every listing under faults, from every case: the injected answers are counted over all of them.
    $script:FaultedListings = [System.Collections.Generic.List[object]]::new()

    # Starts a fresh pwsh on a script; Wait-Child collects it.
    function Start-Child([string] $Label, [string] $Script, [string[]] $Arguments) {
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($PwshPath)
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $Script) + $Arguments) { $startInfo.ArgumentList.Add($argument) }
        $startInfo.UseShellExecute = $false
        $startInfo.RedirectStandardOutput = $true
        $startInfo.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($startInfo)
        [pscustomobject]@{
            Label   = $Label
            Process = $process
            StdOut  = $process.StandardOutput.ReadToEndAsync()
            StdErr  = $process.StandardError.ReadToEndAsync()
            Watch   = [System.Diagnostics.Stopwatch]::StartNew()
        }
    }

    # Exit code, output and the parsed "<Marker> <json>" line of a child; one that hangs is killed (exit code -1).
    function Wait-Child($Child, [string] $Marker = 'COEXISTENCE-RESULT', [int] $TimeoutSec = 180) {
        if (-not $Child.Process.WaitForExit($TimeoutSec * 1000)) {
            $Child.Process.Kill($true)
            $null = $Child.Process.WaitForExit(10000)
            $exitCode = -1
        }
        else {
            $Child.Process.WaitForExit()   # lets the output readers finish
            $exitCode = $Child.Process.ExitCode
        }
        $stdout = $Child.StdOut.GetAwaiter().GetResult()
        $stderr = $Child.StdErr.GetAwaiter().GetResult()
        $line = ($stdout -split "`r?`n") | Where-Object { $_.StartsWith("$Marker ") } | Select-Object -Last 1
        [pscustomobject]@{
            Label    = $Child.Label
            ExitCode = $exitCode
            Seconds  = [math]::Round($Child.Watch.Elapsed.TotalSeconds, 1)
            StdOut   = $stdout
            StdErr   = $stderr
            Result   = if ($line) { $line.Substring($Marker.Length + 1) | ConvertFrom-Json } else { $null }
        }
    }

    function Start-CaseChild([string] $Case, [string] $Label = $Case) {
        Start-Child $Label $CaseScript @(
            '-Case', $Case, '-ModuleManifest', $Manifest,
            '-RestSharp108', $Assets.RestSharp108, '-RestSharp114', $Assets.RestSharp114, '-Polly81', $Assets.Polly81,
            '-Uri', $Sandbox.Uri, '-FaultUri', $FaultSandbox.Uri, '-ClientId', $Sandbox.ClientId, '-ClientSecret', $Sandbox.ClientSecret,
            '-ZammadUri', $Sandbox.ZammadUri, '-ZammadToken', $Sandbox.ZammadTokenText)
    }

    # Runs cases, at most $Throttle children at once (2 cores: a pwsh start is mostly CPU, the faulted
    # listing mostly waiting).
    function Invoke-CaseChild([string] $Case, [int] $Count = 1, [int] $Throttle = 3) {
        $running = [System.Collections.Generic.List[object]]::new()
        $done = [System.Collections.Generic.List[object]]::new()
        for ($i = 1; $i -le $Count; $i++) {
            if ($running.Count -ge $Throttle) { $done.Add((Wait-Child $running[0])); $running.RemoveAt(0) }
            $running.Add((Start-CaseChild $Case "$Case #$i"))
        }
        foreach ($child in $running) { $done.Add((Wait-Child $child)) }
        $done.ToArray()
    }

    $script:ExpectedNumbers = (1..100) -join ','

    <#
      What is wrong with one run, as text (nothing when it is right): the child ended cleanly and reported;
      each use of CaseOps listed cases 1..100 exactly once (two pages; under faults) and five expanded
      tickets; CaseOps' engine, RestSharp and Polly.Core sit in EngineLoadContext from Dependencies/, the
      other module's copies ($Foreign) in the default context from their own files, and scripts resolve
      the other module's types to its copies.
    #>
    function Get-RunProblem($Run, [string[]] $Foreign, [int] $Uses = 1) {
        $tail = { param($text) if ($text.Length -gt 1500) { '...' + $text.Substring($text.Length - 1500) } else { $text } }
        if ($Run.ExitCode -ne 0) {
            $what = switch ($Run.ExitCode) { 1 { 'failed' } -1 { 'hung and was killed' } default { 'crashed' } }
            return "$($Run.Label): $what (exit code $($Run.ExitCode)) after $($Run.Seconds) s. stderr: $(& $tail $Run.StdErr.Trim()) stdout: $(& $tail $Run.StdOut.Trim())"
        }
        if (-not $Run.Result) { return "$($Run.Label): exit code 0 but no COEXISTENCE-RESULT line. stdout: $(& $tail $Run.StdOut.Trim())" }
        $result = $Run.Result
        $problems = [System.Collections.Generic.List[string]]::new()
        $problem = { param($text) $problems.Add("$($Run.Label): $text") }

        if (@($result.Uses).Count -ne $Uses) { & $problem "used CaseOps $(@($result.Uses).Count) times, expected $Uses" }
        foreach ($use in $result.Uses) {
            $at = $use.Label
            foreach ($listing in @(@('two pages', $use.TwoPages), @('faulted listing', $use.Faulted))) {
                $name, $measured = $listing
                if ($measured.Count -ne 100 -or $measured.Distinct -ne 100 -or $measured.Numbers -ne $ExpectedNumbers) {
                    & $problem "$at, ${name}: $($measured.Count) cases, $($measured.Distinct) distinct, numbers $($measured.Numbers); expected 1..100 once each"
                }
            }
            if ($use.TwoPages.Requests -ne 2) { & $problem "$at, two pages took $($use.TwoPages.Requests) requests" }
            if ($use.Tickets.Count -ne 5 -or $use.Tickets.Distinct -ne 5 -or $use.Tickets.Expanded -ne 5) {
                & $problem "$at, Get-Ticket -Expand -First 5: $($use.Tickets.Count) tickets, $($use.Tickets.Distinct) distinct, $($use.Tickets.Expanded) with state, group and customer names"
            }
        }

        $assemblies = @($result.Assemblies)
        $engineContext = 'CaseOps.LoadContext.EngineLoadContext'
        $expectOne = {
            param($description, $name, $location, [bool] $default)
            $found = @($assemblies | Where-Object { $_.Name -eq $name -and $_.Location -eq $location })
            if ($found.Count -ne 1) { & $problem "$description ($location): loaded $($found.Count) times"; return }
            $context = if ($default) { 'the default context' } else { $engineContext }
            if ($found[0].IsDefaultContext -ne $default -or (-not $default -and $found[0].Context -ne $engineContext)) {
                & $problem "$description is in $($found[0].Context), expected $context"
            }
            $found[0]
        }
        $null = & $expectOne 'CaseOps' 'CaseOps' (Join-Path $ModuleDir 'CaseOps.dll') $true
        $null = & $expectOne 'CaseOps.Models' 'CaseOps.Models' (Join-Path $ModuleDir 'CaseOps.Models.dll') $true
        $null = & $expectOne 'CaseOps.Engine' 'CaseOps.Engine' (Join-Path $DependencyDir 'CaseOps.Engine.dll') $false
        $ours = & $expectOne "CaseOps' RestSharp" 'RestSharp' (Join-Path $DependencyDir 'RestSharp.dll') $false
        if ($ours -and ($ours.Version -ne $FileVersion[(Join-Path $DependencyDir 'RestSharp.dll')] -or -not $ours.Version.StartsWith('112.'))) {
            & $problem "CaseOps' RestSharp has version $($ours.Version), expected 112.x"
        }
        $null = & $expectOne "CaseOps' Polly.Core" 'Polly.Core' (Join-Path $DependencyDir 'Polly.Core.dll') $false

        foreach ($path in $Foreign) {
            $name = [System.IO.Path]::GetFileNameWithoutExtension($path)
            $theirs = & $expectOne "the other module's $name" $name $path $true
            if ($theirs -and $theirs.Version -ne $FileVersion[$path]) { & $problem "the other module's $name has version $($theirs.Version), its file $($FileVersion[$path])" }
            $check = @($result.TypeChecks | Where-Object Path -eq $path)
            if ($check.Count -ne 1) { & $problem "no type check for $path"; continue }
            if ($check[0].TypeLocation -ne $path -or $check[0].InstanceLocation -ne $path) {
                & $problem "[$($check[0].TypeName)] resolved to $($check[0].TypeLocation) (instance from $($check[0].InstanceLocation)), expected $path"
            }
            $expectedUse = if ($name -eq 'RestSharp') { 'http://127.0.0.1:9/' } else { '42' }
            if ($check[0].Use -ne $expectedUse) { & $problem "using $name from $path gave '$($check[0].Use)', expected '$expectedUse'" }
        }
        # Nothing else of these names: one copy of ours and one of theirs at most.
        foreach ($name in 'RestSharp', 'Polly.Core') {
            $expected = 1 + @($Foreign | Where-Object { [System.IO.Path]::GetFileNameWithoutExtension($_) -eq $name }).Count
            $count = @($assemblies | Where-Object Name -eq $name).Count
            if ($count -ne $expected) { & $problem "$count $name assemblies loaded, expected ${expected}: $(($assemblies | Where-Object Name -eq $name | ForEach-Object Location) -join ', ')" }
        }
        $problems.ToArray()
    }

    function Add-FaultedListing($Runs) {
        foreach ($run in $Runs) { foreach ($use in @($run.Result.Uses)) { if ($use) { $FaultedListings.Add($use.Faulted) } } }
    }

    # The sums of injected answers the listings saw: proof the faulted listings really met faults.
    function Measure-Fault($Listings) {
        [pscustomobject]@{
            Listings   = @($Listings).Count
            Answers429 = (@($Listings | ForEach-Object Answers429) | Measure-Object -Sum).Sum
            Answers503 = (@($Listings | ForEach-Object Answers503) | Measure-Object -Sum).Sum
        }
    }
}

AfterAll {
    if ($script:Sandbox) { $script:Sandbox.Stop() }
    if ($script:FaultSandbox) { $script:FaultSandbox.Stop() }
}

Describe 'Another RestSharp or Polly.Core loaded before CaseOps' -Skip:$NotPowerShell7 {
    It '<Name> loaded first: CaseOps lists, retries and expands; each copy in its own load context' -ForEach @(
        @{ Name = 'RestSharp 108.0.3'; Case = 'RestSharp108First'; Asset = 'RestSharp108' }
        @{ Name = 'RestSharp 114.1.0'; Case = 'RestSharp114First'; Asset = 'RestSharp114' }
        @{ Name = 'Polly.Core 8.1.0'; Case = 'Polly81First'; Asset = 'Polly81' }
    ) {
        $run = Invoke-CaseChild $Case
        Add-FaultedListing $run

        Get-RunProblem $run -Foreign $Assets[$Asset] | Should -BeNullOrEmpty
    }
}

Describe 'Another RestSharp loaded after Import-Module, before CaseOps is used (the racy order)' -Skip:$NotPowerShell7 {
    It 'runs 30 times in fresh processes with no failure and no crash' {
        # Before src/CaseOps/LoadContext existed this order crashed the process now and then; 30 runs.
        $runs = @(Invoke-CaseChild 'ImportThenRestSharp108' -Count 30)
        Add-FaultedListing $runs

        $crashed = @($runs | Where-Object { $_.ExitCode -notin 0, 1 })
        $problems = @(foreach ($run in $runs) { Get-RunProblem $run -Foreign $Assets.RestSharp108 })
        $failedRuns = @($problems | ForEach-Object { ($_ -split ':')[0] } | Sort-Object -Unique)
        $summary = "$($failedRuns.Count) of $($runs.Count) runs failed, $($crashed.Count) crashed (exit codes: $((@($runs.ExitCode) | Sort-Object -Unique) -join ', '))"
        $problems | Should -BeNullOrEmpty -Because $summary
        $crashed.Count | Should -Be 0
        $runs.Count | Should -Be 30
        # 30 listings of about 7 requests each at 30 % faults: both kinds of answer were met and absorbed.
        $faults = Measure-Fault ($runs | ForEach-Object { $_.Result.Uses.Faulted })
        $faults.Answers429 | Should -BeGreaterThan 0
        $faults.Answers503 | Should -BeGreaterThan 0
    }
}

Describe 'RestSharp 108.0.3 and Polly.Core 8.1.0 loaded after CaseOps was used' -Skip:$NotPowerShell7 {
    It 'both load and work from their own files, and CaseOps keeps working' {
        $run = Invoke-CaseChild 'CaseOpsFirstThenBoth'
        Add-FaultedListing $run

        Get-RunProblem $run -Foreign $Assets.RestSharp108, $Assets.Polly81 -Uses 2 | Should -BeNullOrEmpty
        # The type checks above compare files; these are the versions scripts see.
        $restSharp = @($run.Result.Assemblies | Where-Object { $_.Name -eq 'RestSharp' -and $_.IsDefaultContext })
        $restSharp.Version | Should -Be $FileVersion[$Assets.RestSharp108]
        $restSharp.Version | Should -BeLike '108.0.3*'
        @($run.Result.Assemblies | Where-Object { $_.Name -eq 'Polly.Core' -and $_.IsDefaultContext }).InformationalVersion | Should -Be '8.1.0'
        @($run.Result.Assemblies | Where-Object { $_.Name -eq 'Polly.Core' -and -not $_.IsDefaultContext }).InformationalVersion | Should -Not -Be '8.1.0'
    }
}

Describe 'The faulted listings across the matrix' -Skip:$NotPowerShell7 {
    It 'met injected 429 and 503 answers and still returned every case once' {
        # Each listing is checked above (cases 1..100 once each); here, that faults were really injected.
        # A single listing of ~7 requests may by chance meet none, so the sum over all 35 is what counts.
        $faults = Measure-Fault $FaultedListings
        $faults.Listings | Should -Be 35   # 3 cases before, 30 racy runs, 2 in the case after
        $faults.Answers429 | Should -BeGreaterThan 0
        $faults.Answers503 | Should -BeGreaterThan 0
        @($FaultedListings | Where-Object { $_.Count -ne 100 -or $_.Distinct -ne 100 }).Count | Should -Be 0
    }
}

Describe 'CaseOps.dll reflected without the module imported' -Skip:$NotPowerShell7 {
    It 'GetExportedTypes() succeeds with no resolver registered: no public type needs CaseOps.Engine' {
        # PowerShell reflects the exported types before it runs ModuleInitializer.OnImport
        # (src/CaseOps/LoadContext/ModuleInitializer.cs), so nothing may reach into Dependencies/ yet.
        $run = Wait-Child (Start-Child 'exported types' $ExportScript @('-AssemblyPath', (Join-Path $ModuleDir 'CaseOps.dll'))) -Marker 'EXPORTED-TYPES'

        $run.ExitCode | Should -Be 0 -Because "the child must end cleanly. stderr: $($run.StdErr)"
        $run.Result | Should -Not -BeNullOrEmpty -Because "it prints EXPORTED-TYPES. stdout: $($run.StdOut)"
        $run.Result.ModuleImported | Should -BeFalse
        $run.Result.Failure | Should -BeNullOrEmpty -Because "these public types cannot load without the engine: $($run.Result.FailedTypes -join '; ')"
        $run.Result.FailedTypes | Should -BeNullOrEmpty
        $run.Result.EngineLoaded | Should -BeFalse -Because 'nothing registered a resolver, so nothing may have found CaseOps.Engine'
        $run.Result.Exported | Should -Contain 'CaseOps.Cmdlets.Cases.GetCaseCommand'
        $run.Result.Exported | Should -Contain 'CaseOps.Cmdlets.Tickets.GetTicketCommand'
        $run.Result.Exported | Should -Contain 'CaseOps.LoadContext.ModuleInitializer'
    }
}
