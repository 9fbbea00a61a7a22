// Linked into the static release binary (scripts/build-release), which links libstdc++'s
// archive rather than the shared library. That archive was built against glibc 2.36 and takes
// std::random_device's entropy from arc4random, which glibc has only from 2.36 on; this
// definition answers the reference inside the executable, so the binary keeps starting on
// glibc 2.35 (Ubuntu 22.04). getrandom is glibc 2.25.

#include <stdint.h>
#include <sys/random.h>

uint32_t arc4random(void) {
    uint32_t value;
    while (getrandom(&value, sizeof value, 0) != (ssize_t)sizeof value) {
    }
    return value;
}
