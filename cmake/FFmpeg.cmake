# FFmpeg's libav* libraries through pkg-config, as one imported target.
find_package(PkgConfig REQUIRED)
pkg_check_modules(MPLUG2_FFMPEG REQUIRED IMPORTED_TARGET
  libavformat libavcodec libavutil libswscale libswresample)
add_library(mplug2::ffmpeg ALIAS PkgConfig::MPLUG2_FFMPEG)
message(STATUS "FFmpeg: libavcodec ${MPLUG2_FFMPEG_libavcodec_VERSION}")
