# Sourced by ./build.sh, ./upload-bridge and ./licence-tool: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: JAVA_HOME when it is 21+, then the JDKs installed beside the default one, newest first.

ub_java_major() { # prints the feature version of the java binary in $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

ub_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(ub_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then return 0; fi
    echo "note: JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for a JDK 21+ beside it" >&2
  fi
  local default_java
  default_java=$(readlink -f "$(command -v java 2>/dev/null)" 2>/dev/null)
  local dirs=()
  [ -n "$default_java" ] && dirs+=("$(dirname "$(dirname "$(dirname "$default_java")")")")
  dirs+=(/usr/lib/jvm /usr/java /opt/java /opt)
  for root in "${dirs[@]}"; do
    [ -d "$root" ] || continue
    for candidate in $(ls -d "$root"/*/ 2>/dev/null | sort -V -r); do
      candidate=${candidate%/}
      [ -x "$candidate/bin/javac" ] || continue
      major=$(ub_java_major "$candidate/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        export JAVA_HOME="$candidate"
        return 0
      fi
    done
  done
  cat >&2 <<MSG
error: Upload Bridge needs a JDK 21 or newer, and none was found.
  Looked at: JAVA_HOME (${JAVA_HOME:-unset}) and the JDKs under ${dirs[*]}.
  Install one, for example:  apt-get install openjdk-21-jdk   (or a Temurin 21/25 JDK)
  or point JAVA_HOME at an installed JDK 21+ and run this again.
MSG
  return 1
}
