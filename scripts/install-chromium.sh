#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's end-to-end test, which drives it headless.
# playwright-core ships no browser of its own and CI cannot download one, so the system
# package is the browser. Does nothing when /usr/bin/chromium is already there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo 'install-chromium: /usr/bin/chromium is present, nothing to do'
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo 'install-chromium: /usr/bin/chromium is missing and installing it needs root' >&2
  echo 'install-chromium: run as root, or: sudo apt-get install chromium' >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo 'install-chromium: apt-get update'
apt-get update -q
# Fonts too: without one, headless pages render text as empty boxes in screenshots.
echo 'install-chromium: apt-get install chromium fonts-dejavu-core'
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
echo 'install-chromium: installed /usr/bin/chromium'
