#pragma once
/// A second process that keeps one core busy while a benchmark runs, as the
/// GUI, a browser or another job does on a desktop: `mplug2-bench bench
/// --busy-core`. The child spins until the BusyCore is destroyed.
///
///     BusyCore busy;            // one core taken from here on
///     if (!busy.running()) ...  // fork failed

#include <sys/types.h>

namespace mplug2::model {

class BusyCore {
public:
    BusyCore();
    ~BusyCore();
    BusyCore(const BusyCore &) = delete;
    BusyCore &operator=(const BusyCore &) = delete;
    bool running() const { return m_child > 0; }

private:
    pid_t m_child = -1;
};

} // namespace mplug2::model
