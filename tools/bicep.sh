#!/usr/bin/env bash
# Runs the Bicep CLI with the given arguments. The CLI is the binary of the NuGet package
# Azure.Bicep.CommandLine.linux-x64 (version in Directory.Packages.props), restored through tools/bicep/Bicep.csproj
# into the NuGet packages folder when it is not there yet. Safe to run any number of times.
set -euo pipefail
QCW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$QCW_ROOT/tools/lib.sh"

project=$QCW_ROOT/tools/bicep/Bicep.csproj
dotnet restore "$project" --verbosity quiet >&2
package=$(dotnet msbuild "$project" -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)
bicep=$package/tools/bicep
if [[ ! -f $bicep ]]; then
  echo "The Bicep CLI is not at '$bicep' after restoring $project." >&2
  exit 1
fi
[[ -x $bicep ]] || chmod +x "$bicep"
exec "$bicep" "$@"
