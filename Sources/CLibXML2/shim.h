#ifndef TUNEDATA_CLIBXML2_SHIM_H
#define TUNEDATA_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

/// Swift 6 rejects the global function pointer `xmlFree` as not concurrency-safe;
/// freeing through this inline function avoids touching the global from Swift.
static inline void tunedata_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
