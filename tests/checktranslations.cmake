# Every user-visible string has a Chinese translation: fails when
# translations/mplug2_zh_CN.ts holds unfinished or empty entries.
file(READ "${ROOT}/translations/mplug2_zh_CN.ts" ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" unfinished "${ts}")
string(REGEX MATCHALL "<translation */>|<translation></translation>" empty "${ts}")
list(LENGTH unfinished n_unfinished)
list(LENGTH empty n_empty)
string(REGEX MATCHALL "<message" all "${ts}")
list(LENGTH all n_all)
if(n_unfinished GREATER 0 OR n_empty GREATER 0)
  message(FATAL_ERROR "zh_CN: ${n_unfinished} unfinished and ${n_empty} empty of ${n_all} messages:\n${unfinished}")
endif()
message(STATUS "zh_CN: all ${n_all} messages translated")
