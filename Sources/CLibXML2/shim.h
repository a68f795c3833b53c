#ifndef TUNEDATA_CLIBXML2_SHIM_H
#define TUNEDATA_CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so encoding.h pulls in the system's <unicode/ucnv.h>. Foundation
 * ships its own ICU headers, and Clang rejects the two definitions of UErrorCode meeting in one
 * module. tunedata never touches the ICU converter fields of xmlCharEncodingHandler (the only thing
 * the flag adds to the headers), so the headers are read as for a build without ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

/// Swift 6 rejects the global function pointer `xmlFree` as not concurrency-safe;
/// freeing through this inline function avoids touching the global from Swift.
static inline void tunedata_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
