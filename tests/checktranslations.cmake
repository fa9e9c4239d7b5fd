# Every user-visible string has a Chinese translation, and every plural its
# English forms: fails when
# translations/mplug2_zh_CN.ts holds unfinished or empty entries, or
# translations/mplug2_en.ts a plural message without numerus forms.
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

# English needs no translation but its plurals: a "%n file(s)" without English
# numerus forms reaches the user as "1 file(s)".
file(READ "${ROOT}/translations/mplug2_en.ts" en)
string(REGEX MATCHALL "<message numerus=\"yes\">[ \t\r\n]*<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" en_plurals "${en}")
list(LENGTH en_plurals n_en_plurals)
if(n_en_plurals GREATER 0)
  message(FATAL_ERROR "en: ${n_en_plurals} plural messages without English forms:\n${en_plurals}")
endif()
message(STATUS "en: every plural message has its English forms")
