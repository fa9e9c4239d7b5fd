# hnswlib (approximate nearest neighbours for the retrieval index): header
# only, Debian package libhnswlib-dev. Its headers define non-inline
# functions, so exactly one source file (app/retrieval/annindex.cpp) may
# include them.
find_path(MPLUG2_HNSWLIB_INCLUDE hnswlib/hnswlib.h REQUIRED)
add_library(mplug2_hnswlib INTERFACE)
target_include_directories(mplug2_hnswlib SYSTEM INTERFACE ${MPLUG2_HNSWLIB_INCLUDE})
add_library(mplug2::hnswlib ALIAS mplug2_hnswlib)
