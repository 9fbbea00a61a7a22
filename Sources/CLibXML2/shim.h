#ifndef INTRAY_CLIBXML2_SHIM_H
#define INTRAY_CLIBXML2_SHIM_H
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
static inline void intray_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, intray_xml_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, intray_xml_ignore_structured);
}
#endif
