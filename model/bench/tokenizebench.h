#pragma once
/// `mplug2-bench tokenize`: tokens per second of each tokenizer on a
/// generated English/Chinese text mix (10 MB by default), one line (a
/// caption- or question-sized text) at a time.

namespace mplug2::model {

int runTokenizeBench(int argc, char **argv);

} // namespace mplug2::model
