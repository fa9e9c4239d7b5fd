#include "model/runtime/blasthreads.h"

#include <dlfcn.h>

namespace mplug2::model {

namespace {

using SetThreads = void (*)(int);
using GetThreads = int (*)();
using GetParallel = int (*)();

// Looked up once in the symbols the process already has: Debian's LibTorch
// links the system BLAS (libblas.so.3), which is OpenBLAS when it is installed.
struct BlasThreadApi {
    SetThreads set = nullptr;
    GetThreads get = nullptr;
    /// openblas_get_parallel(): 0 sequential, 1 pthreads, 2 OpenMP.
    int parallel = 0;
    BlasThreadApi()
    {
        set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
        get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
        if (!set || !get)
            set = nullptr, get = nullptr;
        if (auto mode = reinterpret_cast<GetParallel>(dlsym(RTLD_DEFAULT, "openblas_get_parallel")))
            parallel = mode();
    }
};

const BlasThreadApi &api()
{
    static const BlasThreadApi instance;
    return instance;
}

} // namespace

ScopedBlasThreads::ScopedBlasThreads(int threads)
{
    const BlasThreadApi &blas = api();
    if (!blas.set || threads < 1)
        return;
    m_previous = blas.get();
    if (m_previous != threads)
        blas.set(threads);
    else
        m_previous = 0;
}

ScopedBlasThreads::~ScopedBlasThreads()
{
    if (m_previous > 0)
        api().set(m_previous);
}

bool ScopedBlasThreads::hasOwnThreadPool()
{
    return api().set && api().parallel == 1;
}

} // namespace mplug2::model
