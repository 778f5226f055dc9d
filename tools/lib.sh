# Shared by run.sh and test.sh. Sourced, not run.

# Keep the .NET CLI from leaving MSBuild nodes or compiler servers running after a build.
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0
export MSBUILDDISABLENODEREUSE=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Starts a local tool under tools/guard.js, fed by a pipe that stays open while this script's process lives:
# when the script ends in any way (even kill -9), the pipe closes and the guard stops the tool.
start_guarded() {
  local log=$1; shift
  node "$QCW_ROOT/tools/guard.js" "$@" \
    < <(while kill -0 "$QCW_SCRIPT_PID" 2>/dev/null; do sleep 1; done) \
    >>"$log" 2>&1 &
}

wait_for_port() {
  local name=$1 port=$2 tries=${3:-600}
  for ((i = 0; i < tries; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "$name did not open 127.0.0.1:$port" >&2
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
