# Shared by the benches that can profile the Karaf JVM (sourced; PROFILE=cpu|alloc|wall): async-profiler 4.1
# (tools.profiler:async-profiler:4.1:jar:linux-x64 in the Maven repository $repo; fetch it once with
# mvn dependency:get -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64) attached to a running JVM with jcmd.
#   profile_start PID [DELAY-SECONDS]   starts sampling (after DELAY, in the background)
#   profile_stop PID NAME               writes $PROFILE_OUT/NAME-$PROFILE.html (flame graph) and .collapsed; echoes
#                                       the collapsed file's path
# jcmd reads name=value pairs itself: the profiler's options go in inner quotes, as one argument.
profiler_lib() {
  local dir=${work:?}/async-profiler
  if [ ! -f "$dir/linux-x64/libasyncProfiler.so" ]; then
    mkdir -p "$dir" && (cd "$dir" && unzip -q -o "${repo:-$HOME/.m2/repository}/tools/profiler/async-profiler/4.1/async-profiler-4.1-linux-x64.jar")
  fi
  echo "$dir/linux-x64/libasyncProfiler.so"
}
profile_start() {
  local pid=$1 delay=${2:-0} lib; lib=$(profiler_lib)
  ( sleep "$delay"; jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=${PROFILE:-cpu},interval=${PROFILE_INTERVAL:-1ms},threads\"" >/dev/null ) &
}
profile_stop() {
  local pid=$1 name=$2 lib out; lib=$(profiler_lib)
  out=${PROFILE_OUT:-bench/results}; mkdir -p "$out"; out=$(cd "$out" && pwd)
  jcmd "$pid" JVMTI.agent_load "$lib" "\"dump,file=$out/$name-${PROFILE:-cpu}.html,flamegraph\"" >/dev/null
  jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out/$name-${PROFILE:-cpu}.collapsed,collapsed\"" >/dev/null
  echo "$out/$name-${PROFILE:-cpu}.collapsed"
}
