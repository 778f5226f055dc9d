#!/usr/bin/env bash
# Sets up and runs the product locally: Azurite (blob, queue, table), maildev (SMTP + web inbox) and the
# QuyCheWorkflow app on http://127.0.0.1:7071. Ctrl-C stops everything it started.
#
# Ports can be changed through the environment: QCW_APP_PORT (7071), QCW_BLOB_PORT (10000),
# QCW_QUEUE_PORT (10001), QCW_TABLE_PORT (10002), QCW_SMTP_PORT (1025), QCW_MAILDEV_WEB_PORT (1080).
# Data (storage and the mail inbox) persists in .data/ between runs; delete that folder to start afresh.
set -euo pipefail
QCW_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
QCW_SCRIPT_PID=$$
cd "$QCW_ROOT"
source tools/lib.sh

app_port=${QCW_APP_PORT:-7071}
blob_port=${QCW_BLOB_PORT:-10000}
queue_port=${QCW_QUEUE_PORT:-10001}
table_port=${QCW_TABLE_PORT:-10002}
smtp_port=${QCW_SMTP_PORT:-1025}
mail_web_port=${QCW_MAILDEV_WEB_PORT:-1080}

for port in "$app_port" "$blob_port" "$queue_port" "$table_port" "$smtp_port" "$mail_web_port"; do
  if port_in_use "$port"; then
    echo "Port $port on 127.0.0.1 is already in use. Stop what uses it, or choose other ports (see the top of run.sh)." >&2
    exit 1
  fi
done

tools/ensure-tools.sh

data=$QCW_ROOT/.data
mkdir -p "$data/azurite" "$data/logs" "$data/mail"

# A development link-signing key, made once per machine and kept out of the repository.
if [[ ! -s $data/link-signing-key ]]; then
  head -c 32 /dev/urandom | base64 > "$data/link-signing-key"
  chmod 600 "$data/link-signing-key"
fi
# Likewise the bootstrap administrator key, which creates the first API keys through /api/keys.
if [[ ! -s $data/bootstrap-admin-key ]]; then
  head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$data/bootstrap-admin-key"
  chmod 600 "$data/bootstrap-admin-key"
fi

stop_all() {
  trap - EXIT INT TERM
  local pids
  pids=$(jobs -p)
  if [[ -n $pids ]]; then
    kill $pids 2>/dev/null || true
    wait $pids 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Building the app..."
dotnet build src/Functions/Functions.csproj --configuration Release --disable-build-servers --nologo --verbosity quiet

echo "Starting Azurite and maildev..."
start_guarded "$data/logs/azurite.log" "$QCW_ROOT/tools/node_modules/.bin/azurite" \
  --silent --loose --disableTelemetry --location "$data/azurite" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port"
start_guarded "$data/logs/maildev.log" "$QCW_ROOT/tools/node_modules/.bin/maildev" \
  --ip 127.0.0.1 --smtp "$smtp_port" --web-ip 127.0.0.1 --web "$mail_web_port" --mail-directory "$data/mail" --silent
for port in "$blob_port" "$queue_port" "$table_port" "$smtp_port" "$mail_web_port"; do
  wait_for_port "local service" "$port"
done

account=devstoreaccount1
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"
# The newest blob/queue service version this Azurite accepts; the SDK's own default is newer.
export Storage__ServiceVersion=2026-06-06
export Mail__Transport=Smtp
export Mail__Smtp__Host=127.0.0.1
export Mail__Smtp__Port=$smtp_port
export Mail__FromAddress=van-phong@quyche.local
export Mail__FromName="Văn phòng cấp ủy — QuyCheWorkflow"
export Links__BaseUrl=http://127.0.0.1:$app_port
export Links__ActiveKeyId=local
export Links__Keys__local=$(cat "$data/link-signing-key")
export Durable__TaskHubName=quyche
export Auth__BootstrapAdminKey=$(cat "$data/bootstrap-admin-key")
# The sample tree and regulations are seeded into an empty store; the demo's API keys go to this file.
export Demo__Seed=true
export Demo__KeysFile=$data/demo-keys.txt
export App__Urls=http://127.0.0.1:$app_port
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

echo
echo "  App:            http://127.0.0.1:$app_port   (health: http://127.0.0.1:$app_port/api/health)"
echo "  Mail inbox:     http://127.0.0.1:$mail_web_port/index.html"
echo "  API keys:       $data/demo-keys.txt (demo offices), $data/bootstrap-admin-key (administrator)"
echo "  Console:        http://127.0.0.1:$app_port/van-phong   (sign in with an address below; the link arrives in the mail inbox)"
echo "                  upper level: chanh-van-phong@binhminh.example.vn"
echo "                  clerks:      van-thu.<organisation id>@binhminh.example.vn, e.g. van-thu.dang-bo-so-tai-chinh@binhminh.example.vn"
echo "  Storage:        Azurite on 127.0.0.1:$blob_port/$queue_port/$table_port, data in .data/azurite"
echo "  Ctrl-C stops everything."
echo

# The app runs under the same guard, so it too ends with this script however the script ends.
node tools/guard.js dotnet src/Functions/bin/Release/net10.0/QuyCheWorkflow.Functions.dll --urls "http://127.0.0.1:$app_port" \
  < <(while kill -0 "$QCW_SCRIPT_PID" 2>/dev/null; do sleep 1; done) &
wait $!
