#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image (Ubuntu 22.04).
# The Interleave grader needs a JDK 17: it compiles the submission and forks JVMs to test it.
# Running it again changes nothing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! dpkg-query -W -f='${Status}' openjdk-17-jdk-headless 2>/dev/null | grep -q 'install ok installed'; then
  apt-get update
  apt-get install -y openjdk-17-jdk-headless
fi
