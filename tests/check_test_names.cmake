# Fails when a Catch2 test name holds ';'. ctest splits the names catch_discover_tests gives it
# at ';': such a test becomes entries that run nothing and pass, and the test itself never runs.
# Called with -DTEST_PROGRAMS="a|b|c" (the Catch2 test programs).
string(REPLACE "|" ";" programs "${TEST_PROGRAMS}")
set(failures "")
foreach(program IN LISTS programs)
  execute_process(COMMAND "${program}" --list-test-names-only
                  OUTPUT_VARIABLE names RESULT_VARIABLE status)
  if(NOT status EQUAL 0 AND NOT status GREATER 0)
    string(APPEND failures "${program}: cannot list its tests (${status})\n")
  endif()
  # Lines that contain ';' (matched on the raw text: a CMake list would split them).
  string(REGEX MATCHALL "[^\n]*;[^\n]*" bad "${names}")
  if(bad)
    string(REPLACE ";" "<;>" shown "${bad}")
    string(APPEND failures "${program}: test names with ';': ${shown}\n")
  endif()
  string(LENGTH "${names}" length)
  if(length EQUAL 0)
    string(APPEND failures "${program}: lists no test\n")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
message(STATUS "no test name holds ';' in ${programs}")
