#!/usr/bin/env bash
# Builds the deployable Functions app: a self-contained linux-x64 publish of src/Functions with host.json and the
# function folders beside the executable (host.json's defaultExecutablePath is relative to it), zipped for
# zip deployment. Output: artifacts/publish/ and artifacts/quyche-workflow.zip.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
publish_dir=$root/artifacts/publish
zip_path=$root/artifacts/quyche-workflow.zip

rm -rf "$publish_dir" "$zip_path"
mkdir -p "$publish_dir"

dotnet publish "$root/src/Functions/Functions.csproj" \
  --configuration Release --runtime linux-x64 --self-contained true \
  --output "$publish_dir" --nologo --verbosity quiet

# The project already copies these on publish; copying again keeps the package right even if that changes.
cp "$root/src/Functions/FunctionsHost/host.json" "$publish_dir/"
for function_dir in "$root"/src/Functions/FunctionsHost/*/; do
  name=$(basename "$function_dir")
  mkdir -p "$publish_dir/$name"
  cp "$function_dir/function.json" "$publish_dir/$name/"
done

executable=$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' "$publish_dir/host.json")
if [[ ! -x $publish_dir/$executable ]]; then
  echo "host.json names '$executable', which is not an executable in $publish_dir" >&2
  exit 1
fi

(cd "$publish_dir" && zip -q -r -X "$zip_path" .)
echo "Published to $publish_dir"
echo "Package:     $zip_path ($(du -h "$zip_path" | cut -f1))"
