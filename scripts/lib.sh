# shellcheck shell=bash
# Shared by scripts/serve, scripts/test and scripts/bench: locate Odoo, build
# the cached virtualenv and OCA addons folder, and start a private PostgreSQL cluster.
# Nothing here fetches Odoo itself: the tree must already be on the machine.

set -euo pipefail

QMS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QMS_CACHE="${QMS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/qms-odoo}"
mkdir -p "$QMS_CACHE"

log() { printf '\033[1;34m[qms]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[qms] %s\033[0m\n' "$*" >&2; exit 1; }

# --- Odoo source tree -------------------------------------------------------
find_odoo() {
    local candidate
    for candidate in "${ODOO_SRC:-}" /opt/odoo; do
        if [ -n "$candidate" ] && [ -f "$candidate/odoo-bin" ]; then
            ODOO_SRC="$(cd "$candidate" && pwd)"
            export ODOO_SRC
            return 0
        fi
    done
    # Inside the official odoo image (docker-compose.yml): Odoo is installed.
    if [ "${QMS_NO_VENV:-0}" = 1 ] && command -v odoo >/dev/null; then
        ODOO_SRC=$(python3 -c 'import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)))')
        export ODOO_SRC
        return 0
    fi
    die "No Odoo 18.0 source tree found: neither \$ODOO_SRC (${ODOO_SRC:-unset}) nor /opt/odoo holds odoo-bin.
     Put an Odoo 18.0 Community checkout in /opt/odoo, or point ODOO_SRC at one:
         ODOO_SRC=/path/to/odoo-18.0 $0
     Without a source tree, use Docker instead (see README.md: docker compose)."
}

# Core addons only: custom folders shipped inside some trees stay off the path.
# Odoo's folders first, then the OCA addons (ensure_oca), then ours.
addons_path() {
    local dir paths=()
    for dir in "$ODOO_SRC/odoo/addons" "$ODOO_SRC/addons"; do
        [ -d "$dir" ] && paths+=("$dir")
    done
    paths+=("$(oca_dir)/odoo/addons")
    paths+=("$QMS_ROOT/addons")
    # QMS_EXTRA_ADDONS: more addon folders (comma separated), e.g. work in progress.
    [ -n "${QMS_EXTRA_ADDONS:-}" ] && paths+=("$QMS_EXTRA_ADDONS")
    (IFS=,; printf '%s' "${paths[*]}")
}

# Every QMS addon in the repository, comma separated.
qms_addons() {
    local names=() dir
    for dir in "$QMS_ROOT"/addons/*/__manifest__.py; do
        [ -e "$dir" ] || continue
        names+=("$(basename "$(dirname "$dir")")")
    done
    (IFS=,; printf '%s' "${names[*]}")
}

# --- System packages ----------------------------------------------------------
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "Missing system packages: ${missing[*]} (install them by hand)."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    local options=()
    # QMS_APT_NO_RECOMMENDS=1: only what the packages need (e.g. docker-compose
    # without a Docker engine).
    [ "${QMS_APT_NO_RECOMMENDS:-0}" = 1 ] && options+=(--no-install-recommends)
    log "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${options[@]}" "${missing[@]}" >/dev/null
}

# Tours need a Chromium-family browser; Debian packages it as "chromium".
ensure_browser() {
    local browser
    for browser in chromium google-chrome google-chrome-stable chromium-browser; do
        command -v "$browser" >/dev/null && return 0
    done
    apt_install chromium
}

# Everything the virtualenv build and the database need, installed before either:
# a new machine has none of it (venv needs python3-venv, python-ldap its headers).
system_deps() {
    apt_install python3-venv python3-dev build-essential libldap2-dev libsasl2-dev \
        libpq-dev postgresql postgresql-client
}

# --- Virtualenv ---------------------------------------------------------------
# Keyed on both requirement files, so a change to either builds a fresh one.
ensure_venv() {
    # The Docker test service brings its own environment.
    if [ "${QMS_NO_VENV:-0}" = 1 ]; then
        ensure_oca
        return 0
    fi
    local python="${QMS_PYTHON:-python3}" key
    key=$(cat "$ODOO_SRC/requirements.txt" "$QMS_ROOT/requirements-dev.txt" | sha1sum | cut -c1-12)
    QMS_VENV="$QMS_CACHE/venv-$key"
    if [ ! -f "$QMS_VENV/.complete" ]; then
        system_deps
        log "Building virtualenv $QMS_VENV (once; cached afterwards)"
        rm -rf "$QMS_VENV"
        "$python" -m venv "$QMS_VENV"
        "$QMS_VENV/bin/pip" install -q --upgrade pip wheel \
            2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
        # Odoo's pinned cbor2 only builds with an older setuptools.
        local build_constraints="$QMS_CACHE/build-constraints.txt"
        echo 'setuptools<81' >"$build_constraints"
        "$QMS_VENV/bin/pip" install -q --build-constraint "$build_constraints" \
            -r "$ODOO_SRC/requirements.txt" -r "$QMS_ROOT/requirements-dev.txt" \
            2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
        touch "$QMS_VENV/.complete"
    fi
    export PATH="$QMS_VENV/bin:$PATH"
    # Odoo is run from its tree, not installed: make `import odoo` work for pytest.
    local site
    site=$("$QMS_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    printf '%s\n' "$ODOO_SRC" >"$site/odoo-src.pth"
    ensure_oca
}

# --- OCA addons -----------------------------------------------------------------
# The wheels pinned in requirements-oca.txt, unpacked once into a folder keyed on
# that file (like the virtualenv). --no-deps: each wheel requires an installed
# `odoo` distribution, and Odoo runs from its source tree here; the OCA addons they
# depend on are pinned in the file too. Their addons land in <folder>/odoo/addons.
oca_dir() {
    printf '%s/oca-%s' "$QMS_CACHE" "$(sha1sum "$QMS_ROOT/requirements-oca.txt" | cut -c1-12)"
}

ensure_oca() {
    local target tmp
    target=$(oca_dir)
    [ -f "$target/.complete" ] && return 0
    log "Installing the OCA addons of requirements-oca.txt into $target (once; cached afterwards)"
    tmp="$target.tmp.$$"
    rm -rf "$tmp"
    python3 -m pip install -q --no-deps --target "$tmp" -r "$QMS_ROOT/requirements-oca.txt" \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    [ -d "$tmp/odoo/addons" ] || die "pip installed no OCA addon into $tmp/odoo/addons."
    touch "$tmp/.complete"
    # Another run may have finished first: then keep its folder.
    if [ -f "$target/.complete" ]; then
        rm -rf "$tmp"
    else
        rm -rf "$target"
        mv -T "$tmp" "$target"
    fi
}

# --- PostgreSQL -----------------------------------------------------------------
# Uses PGHOST/PGPORT/PGUSER when a server is configured; otherwise a private
# cluster in the cache, on a free loopback port, started for this process only.
free_port() {
    python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && { printf '%s' "$dir"; return 0; }
    done
    return 1
}

ensure_postgres() {
    if [ -n "${PGHOST:-}" ]; then
        log "Using the configured PostgreSQL server at $PGHOST:${PGPORT:-5432}"
        return 0
    fi
    system_deps
    local bin run_as=() pgdir="${QMS_PGDIR:-$QMS_CACHE/postgres}"
    bin=$(pg_bin) || die "PostgreSQL server binaries not found after installing them."
    # PostgreSQL refuses to run as root: run the cluster as the 'postgres' user,
    # in a folder that user can reach.
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
        run_as=(runuser -u postgres --)
        pgdir="${QMS_PGDIR:-/var/tmp/qms-odoo-postgres}"
    fi
    local data="$pgdir/data" sock="$pgdir/socket"
    mkdir -p "$pgdir" "$sock"
    [ ${#run_as[@]} -gt 0 ] && chown postgres "$pgdir" "$sock"
    if [ ! -f "$data/PG_VERSION" ]; then
        log "Creating a private PostgreSQL cluster in $data"
        mkdir -p "$data"
        [ ${#run_as[@]} -gt 0 ] && chown postgres "$data"
        "${run_as[@]}" "$bin/initdb" -D "$data" -U qms --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    QMS_PGPORT=$(free_port)
    QMS_PG_LOG="$pgdir/postgres.log"
    [ ${#run_as[@]} -gt 0 ] && touch "$QMS_PG_LOG" && chown postgres "$QMS_PG_LOG"
    "${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$QMS_PG_LOG" -w -t 60 start \
        -o "-h 127.0.0.1 -p $QMS_PGPORT -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null || die "PostgreSQL did not start; see $QMS_PG_LOG"
    QMS_PG_STOP=("${run_as[@]}" "$bin/pg_ctl" -D "$data" -m fast stop)
    QMS_PG_DATA="$data"
    trap 'stop_postgres' EXIT
    export PGHOST=127.0.0.1 PGPORT=$QMS_PGPORT PGUSER=qms
    log "PostgreSQL running on 127.0.0.1:$QMS_PGPORT"
}

stop_postgres() {
    if [ -n "${QMS_PG_STOP+x}" ]; then
        "${QMS_PG_STOP[@]}" >/dev/null 2>&1 || true
        unset QMS_PG_STOP
    fi
}

# Writes an odoo.conf for the current database server and prints its path.
write_odoo_conf() {
    local conf="$1"
    shift
    {
        echo "[options]"
        echo "addons_path = $(addons_path)"
        echo "db_host = $PGHOST"
        echo "db_port = ${PGPORT:-5432}"
        echo "db_user = ${PGUSER:-odoo}"
        [ -n "${PGPASSWORD:-}" ] && echo "db_password = $PGPASSWORD"
        echo "data_dir = $QMS_CACHE/filestore"
        for line in "$@"; do echo "$line"; done
    } >"$conf"
    printf '%s' "$conf"
}

odoo_bin() {
    if [ -f "$ODOO_SRC/odoo-bin" ]; then
        python "$ODOO_SRC/odoo-bin" "$@"
    else
        odoo "$@"
    fi
}

# Replaces the current (sub)shell with Odoo, so its PID is Odoo's.
exec_odoo_bin() {
    if [ -f "$ODOO_SRC/odoo-bin" ]; then
        exec python "$ODOO_SRC/odoo-bin" "$@"
    else
        exec odoo "$@"
    fi
}
