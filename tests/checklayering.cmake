# Fails when a file breaks the layer rules: model/ and media/ never include Qt
# and never include each other; app/ never includes ui/; public headers of
# model/ and media/ never include <torch/torch.h>.
file(GLOB_RECURSE model_files "${ROOT}/model/*.h" "${ROOT}/model/*.cpp" "${ROOT}/model/*.hpp")
file(GLOB_RECURSE media_files "${ROOT}/media/*.h" "${ROOT}/media/*.cpp" "${ROOT}/media/*.hpp")
file(GLOB_RECURSE app_files "${ROOT}/app/*.h" "${ROOT}/app/*.cpp")

set(problems "")
function(check_files files regex what)
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${regex}")
    if(hits)
      file(RELATIVE_PATH rel "${ROOT}" "${f}")
      list(GET hits 0 first)
      set(problems "${problems}\n  ${rel}: ${what}: ${first}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

set(qt_include "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z]+|Qt[A-Za-z]*/)")
check_files("${model_files}" "${qt_include}" "Qt include in model/")
check_files("${media_files}" "${qt_include}" "Qt include in media/")
check_files("${model_files}" "^[ \t]*#[ \t]*include[ \t]*[<\"]media/" "model/ includes media/")
check_files("${media_files}" "^[ \t]*#[ \t]*include[ \t]*[<\"]model/" "media/ includes model/")
check_files("${media_files}" "^[ \t]*#[ \t]*include[ \t]*[<\"](torch|ATen|c10)/" "media/ includes torch")
check_files("${app_files}" "^[ \t]*#[ \t]*include[ \t]*[<\"]ui/" "app/ includes ui/")

# Libraries by purpose: the inference library (model/ less its tools), the
# services the desktop app links (app/ less the CLI's folders) and the app
# itself never reach into the tools: parity, synthetic world, trainer,
# benchmarks, CLI commands.
set(model_tools "parity|synthetic|train|bench")
set(app_cli "cli|demo|parity|bench")
set(model_core_files "${model_files}")
list(FILTER model_core_files EXCLUDE REGEX "/model/(${model_tools})/")
set(app_core_files "${app_files}")
list(FILTER app_core_files EXCLUDE REGEX "/app/(${app_cli})/")
file(GLOB_RECURSE ui_files "${ROOT}/ui/*.h" "${ROOT}/ui/*.cpp")
set(tools_include "^[ \t]*#[ \t]*include[ \t]*[<\"]model/(${model_tools})/")
set(cli_include "^[ \t]*#[ \t]*include[ \t]*[<\"]app/(${app_cli})/")
check_files("${model_core_files}" "${tools_include}" "the inference library includes a tool")
check_files("${app_core_files}" "${tools_include}" "mplug2_app includes a tool")
check_files("${app_core_files}" "${cli_include}" "mplug2_app includes the CLI's code")
check_files("${ui_files}" "${tools_include}" "ui/ includes a tool")
check_files("${ui_files}" "${cli_include}" "ui/ includes the CLI's code")

file(GLOB_RECURSE public_headers "${ROOT}/model/*.h" "${ROOT}/media/*.h")
list(FILTER public_headers EXCLUDE REGEX "/torchpch\\.h$")
check_files("${public_headers}" "^[ \t]*#[ \t]*include[ \t]*<torch/torch\\.h>" "public header includes torch.h")

foreach(lib model media)
  file(READ "${ROOT}/${lib}/CMakeLists.txt" cml)
  if(cml MATCHES "Qt6::")
    set(problems "${problems}\n  ${lib}/CMakeLists.txt links Qt")
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "layer rules broken:${problems}")
endif()
list(LENGTH model_files n_model)
list(LENGTH media_files n_media)
message(STATUS "layering: ${n_model} model/ and ${n_media} media/ files checked, all Qt-free")
