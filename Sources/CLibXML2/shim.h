#ifndef INTRAY_CLIBXML2_SHIM_H
#define INTRAY_CLIBXML2_SHIM_H
#include <dlfcn.h>
#include <wchar.h>
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so its headers include the system ICU headers, whose
   declarations clash with the ICU copy Foundation bundles as soon as one Swift file
   imports both ("'UErrorCode' has different definitions in different modules"). MailText
   never uses ICU; without the macro only the trailing ICU fields of
   xmlCharEncodingHandler disappear from the declaration, a struct Swift only ever sees
   through pointers. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/* glibc declares wcwidth only under _XOPEN_SOURCE, which Swift's Glibc module does not
   set: declare it (same prototype as glibc's) so MailText measures columns with the very
   function ncursesw uses. */
extern int wcwidth(wchar_t c);
static inline int intray_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* libxml2's functions MailText calls, found with dlopen the first time an HTML body is
   read rather than linked: most emails have a plain body, and libxml2 loads ICU and
   libstdc++ with it. A system without libxml2 still runs Intray. */
struct intray_xml {
    void *handle;
    void (*initParser)(void);
    htmlParserCtxtPtr (*newContext)(void);
    void (*freeContext)(htmlParserCtxtPtr);
    htmlDocPtr (*readMemory)(htmlParserCtxtPtr, const char *, int, const char *, const char *, int);
    void (*freeDocument)(xmlDocPtr);
    void (*setGenericErrorFunc)(void *, xmlGenericErrorFunc);
    void (*setStructuredErrorFunc)(void *, xmlStructuredErrorFunc);
};

/* Fills `xml` from the library `name`; answers NULL, or why it could not (dlerror's text). */
static inline const char *intray_xml_open(const char *name, struct intray_xml *xml) {
    void *handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return dlerror();
    xml->handle = handle;
    xml->initParser = (void (*)(void))dlsym(handle, "xmlInitParser");
    xml->newContext = (htmlParserCtxtPtr (*)(void))dlsym(handle, "htmlNewParserCtxt");
    xml->freeContext = (void (*)(htmlParserCtxtPtr))dlsym(handle, "htmlFreeParserCtxt");
    xml->readMemory = (htmlDocPtr (*)(htmlParserCtxtPtr, const char *, int, const char *, const char *, int))
        dlsym(handle, "htmlCtxtReadMemory");
    xml->freeDocument = (void (*)(xmlDocPtr))dlsym(handle, "xmlFreeDoc");
    xml->setGenericErrorFunc = (void (*)(void *, xmlGenericErrorFunc))dlsym(handle, "xmlSetGenericErrorFunc");
    xml->setStructuredErrorFunc = (void (*)(void *, xmlStructuredErrorFunc))dlsym(handle, "xmlSetStructuredErrorFunc");
    if (!xml->initParser || !xml->newContext || !xml->freeContext || !xml->readMemory || !xml->freeDocument
        || !xml->setGenericErrorFunc || !xml->setStructuredErrorFunc) {
        dlclose(handle);
        return "a function Intray needs is missing from it";
    }
    xml->initParser();
    return NULL;
}

/* libxml2 prints parser complaints to stderr, which is the terminal the UI draws on.
   Its error callbacks are C variadic functions Swift cannot write, hence these no-ops.
   The handlers are per thread in libxml2 2.9, so call this on the parsing thread. */
static void intray_xml_ignore_generic(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}
static void intray_xml_ignore_structured(void *ctx, xmlErrorPtr error) {
    (void)ctx;
    (void)error;
}
static inline void intray_xml_silence_errors(const struct intray_xml *xml) {
    xml->setGenericErrorFunc(NULL, intray_xml_ignore_generic);
    xml->setStructuredErrorFunc(NULL, intray_xml_ignore_structured);
}
#endif
