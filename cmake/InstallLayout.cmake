# Where installed files go, relative to the install prefix. The build tree
# mirrors the same layout (bin/, lib/mplug2-studio/plugins/, share/mplug2-studio/), so
# programs find their plug-ins and data relative to their own executable in the
# build folder, under /usr, and in a package unpacked anywhere; no rpath and no
# LD_LIBRARY_PATH. base/installlayout.h gives the code the same paths.
set(MPLUG2_INSTALL_PLUGINDIR "lib/mplug2-studio/plugins")
set(MPLUG2_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/mplug2-studio")
# (A plug-in folder one level below lib/mplug2-studio also keeps CPack from
# adding ldconfig calls that a private folder does not need.)
file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/${MPLUG2_INSTALL_PLUGINDIR}"
                    "${PROJECT_BINARY_DIR}/${MPLUG2_INSTALL_DATADIR}")

# A shared library of ours that a program loads with dlopen (e.g. the
# SentencePiece wrapper, see DESIGN.md): built into and installed to the
# plug-in folder, mode 0644 as Debian policy wants for shared objects.
function(mplug2_add_plugin target)
  set_target_properties(${target} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/${MPLUG2_INSTALL_PLUGINDIR}")
  install(TARGETS ${target} LIBRARY DESTINATION "${MPLUG2_INSTALL_PLUGINDIR}"
          PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endfunction()

# mplug2_add_data(<sub-folder> <files...>): read-only data under
# share/mplug2-studio/<sub-folder>, copied into the build tree at configure time
# (a changed file reconfigures) and installed.
function(mplug2_add_data subdir)
  foreach(file IN LISTS ARGN)
    get_filename_component(name "${file}" NAME)
    configure_file("${file}" "${PROJECT_BINARY_DIR}/${MPLUG2_INSTALL_DATADIR}/${subdir}/${name}" COPYONLY)
  endforeach()
  install(FILES ${ARGN} DESTINATION "${MPLUG2_INSTALL_DATADIR}/${subdir}")
endfunction()

# mplug2_add_data_tree(<source-folder> <sub-folder>): the same for a whole
# folder, keeping its inner layout (model bundles, sample media).
function(mplug2_add_data_tree source subdir)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE "${source}" "${source}/*")
  foreach(rel IN LISTS files)
    get_filename_component(reldir "${rel}" DIRECTORY)
    if(reldir)
      mplug2_add_data("${subdir}/${reldir}" "${source}/${rel}")
    else()
      mplug2_add_data("${subdir}" "${source}/${rel}")
    endif()
  endforeach()
endfunction()
