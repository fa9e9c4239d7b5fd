# Qt Linguist translations: the .ts files in translations/ are compiled to .qm
# at build time and embedded under :/i18n in the target that calls this.
# `cmake --build <dir> --target update_translations` refreshes the .ts files
# from the sources of app/ and ui/, in well under a second: lupdate is given
# only the source root as include path (with the targets' paths it also
# parses the LibTorch and Qt headers, which took over seven minutes).
set(MPLUG2_LANGUAGES en zh_CN)

function(mplug2_add_translations target)
  set(ts_files)
  foreach(lang IN LISTS MPLUG2_LANGUAGES)
    list(APPEND ts_files "${PROJECT_SOURCE_DIR}/translations/mplug2_${lang}.ts")
  endforeach()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
       "${PROJECT_SOURCE_DIR}/app/*.cpp" "${PROJECT_SOURCE_DIR}/app/*.h"
       "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h")
  qt_add_translations(${target}
    TS_FILES ${ts_files}
    SOURCES ${sources}
    INCLUDE_DIRECTORIES "${PROJECT_SOURCE_DIR}"
    RESOURCE_PREFIX "/i18n"
    LUPDATE_OPTIONS -no-obsolete -locations none)
endfunction()
