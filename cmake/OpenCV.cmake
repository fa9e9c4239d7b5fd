# OpenCV core/imgproc/imgcodecs. Debian ships OpenCVConfig.cmake only in the
# meta package libopencv-dev, which pulls in every module (VTK, Qt 5, ...);
# we install just the three -dev packages we use and find them directly.
find_package(OpenCV QUIET COMPONENTS core imgproc imgcodecs)
if(OpenCV_FOUND)
  add_library(mplug2_opencv INTERFACE)
  target_link_libraries(mplug2_opencv INTERFACE ${OpenCV_LIBS})
  target_include_directories(mplug2_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})
else()
  find_path(MPLUG2_OPENCV_INCLUDE opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
  add_library(mplug2_opencv INTERFACE)
  foreach(_m core imgproc imgcodecs)
    find_library(MPLUG2_OPENCV_${_m} opencv_${_m} REQUIRED)
    target_link_libraries(mplug2_opencv INTERFACE ${MPLUG2_OPENCV_${_m}})
  endforeach()
  target_include_directories(mplug2_opencv SYSTEM INTERFACE ${MPLUG2_OPENCV_INCLUDE})
endif()
add_library(mplug2::opencv ALIAS mplug2_opencv)
