// The parts of libxml2 that factwatch uses, made importable by Swift 6.
#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull in the system's <unicode/ucnv.h>. Any Swift
// module that also sees Foundation (which carries its own _FoundationICU) then fails with "'UErrorCode' has
// different definitions in different modules". Only ICU-specific tail fields of xmlCharEncodingHandler depend on
// this macro, and Swift never touches them.
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

/// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state.
static inline void cxml_free(void *pointer) {
    xmlFree(pointer);
}

/// Options for untrusted HTML: recover from broken markup, never print to stderr (which is the journal under
/// systemd), never touch the network, and keep text nodes compact.
static inline int cxml_html_parse_options(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
}

/// Options for untrusted XML feeds: as above, and no entity expansion or DTD loading.
static inline int cxml_xml_parse_options(void) {
    return XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_COMPACT;
}

#endif
