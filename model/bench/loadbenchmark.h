#pragma once
/// `mplug2-bench load FILE [--json]`: how fast a checkpoint's model weights
/// are ready, next to reading the same bytes raw, measured in one run.
/// Each cold step first drops the file from the page cache
/// (posix_fadvise DONTNEED; effective when nobody else maps the file):
/// `cat FILE > /dev/null`, pread of only the model weights' byte ranges,
/// listing the keys, and loading the model weights with every page touched.
/// Then the same warm. Also reports peak RSS and how many bytes of the
/// skipped tensors (optimizer, momentum copies) ended up read.

namespace mplug2::model {

int runLoadBenchmarkCommand(int argc, char **argv);

} // namespace mplug2::model
