# Writes the manual page of one of our programs from its own --help and
# --version output (help2man), so the page cannot drift from the program.
# With -DCOMMANDS=ON it adds a COMMANDS section holding `<program> <command>
# --help` for every command the program lists under "Commands:".
#
#   cmake -DPROGRAM=bin/mplug2 "-DNAME=one-line description" -DCOMMANDS=ON
#         -DEPOCH=<unix time> -DHELP2MAN=/usr/bin/help2man -DOUTPUT=mplug2.1[.gz]
#         -P generatemanpage.cmake
#
# Used at build time and by the packaging test, which regenerates the page
# from the installed program and compares it with the packaged one.
foreach(var PROGRAM NAME EPOCH HELP2MAN OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "generatemanpage.cmake: -D${var}=... is missing")
  endif()
endforeach()

# Run the program by name from PATH so that its usage line says "mplug2",
# not the build path; in English, without a display, with a fixed date.
get_filename_component(program_dir "${PROGRAM}" DIRECTORY)
get_filename_component(program "${PROGRAM}" NAME)
set(ENV{PATH} "${program_dir}:$ENV{PATH}")
set(ENV{LC_ALL} C)
set(ENV{LANG} C)
unset(ENV{LANGUAGE})
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{SOURCE_DATE_EPOCH} "${EPOCH}")

# roff: backslashes, leading dots/quotes and minus signs need escaping.
function(roff_escape text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(see_also "")
foreach(other mplug2 mplug2-studio mplug2-bench)
  if(NOT other STREQUAL program)
    string(REPLACE "-" "\\-" other "${other}")
    list(APPEND see_also ".BR ${other} (1)")
  endif()
endforeach()
list(JOIN see_also ",\n" see_also)
set(include_text "[SEE ALSO]\n${see_also}\n")

if(COMMANDS)
  execute_process(COMMAND "${program}" --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${program} --help failed (${rc})")
  endif()
  # The command table: indented "name  summary" lines after "Commands:".
  string(REGEX MATCH "Commands:\n(  [^\n]*\n)+" table "${help}")
  string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" names "${table}")
  if(NOT names)
    message(FATAL_ERROR "${program} --help lists no commands:\n${help}")
  endif()
  string(APPEND include_text "[COMMANDS]\n")
  foreach(name IN LISTS names)
    string(STRIP "${name}" name)
    execute_process(COMMAND "${program}" "${name}" --help OUTPUT_VARIABLE command_help RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${program} ${name} --help failed (${rc})")
    endif()
    roff_escape("${command_help}" command_help)
    string(APPEND include_text ".SS \"${program} ${name}\"\n.nf\n${command_help}.fi\n")
  endforeach()
endif()

get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
set(page "${output_dir}/${program}.1.tmp")
file(WRITE "${page}.h2m" "${include_text}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --name "${NAME}" --include "${page}.h2m" --output "${page}" "${program}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${program} (${rc})")
endif()
if(OUTPUT MATCHES "\\.gz$")
  # Debian wants gzip -9 -n: no name or timestamp in the archive.
  execute_process(COMMAND gzip -9 -n -c "${page}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE rc)
else()
  file(COPY_FILE "${page}" "${OUTPUT}" RESULT rc)
endif()
file(REMOVE "${page}" "${page}.h2m")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot write ${OUTPUT}")
endif()
