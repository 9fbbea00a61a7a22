// The loader's list of loaded objects with their ELF program headers (dl_iterate_phdr), which
// Swift's Glibc module leaves out. <link.h> declares it only for _GNU_SOURCE, and defining that
// here would make the system headers this module shares with others differ; so the function
// is declared under a name of its own, bound to glibc's symbol, with the leading fields of its
// struct dl_phdr_info (a layout glibc keeps: newer fields are only ever added after them).
#include <elf.h>
#include <stddef.h>

struct loaded_object_info {
    Elf64_Addr address;
    const char *name;
    const Elf64_Phdr *headers;
    Elf64_Half header_count;
};

int loaded_objects_each(int (*visit)(struct loaded_object_info *info, size_t size, void *context), void *context)
    __asm__("dl_iterate_phdr");
