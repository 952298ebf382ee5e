"""Analysis library of the study guide: seed texts in, checked and analysed data out.

Modules, one concept each:

- :mod:`studyguide.sidecar` - the metadata sidecar beside each seed and its schema
- :mod:`studyguide.text` - one seed text: decoding, title, numbered paragraphs
- :mod:`studyguide.encoding` - naming the wrong encodings (UTF-16) that inputs arrive in
- :mod:`studyguide.corpus` - all seed texts, in a stable order
- :mod:`studyguide.tokens` - words and sentences (NLTK, no downloaded data)
- :mod:`studyguide.overview` - size figures per text
- :mod:`studyguide.table` - accessible HTML tables for notebooks
- :mod:`studyguide.style` - the shared plotting style; figures with alt text
- :mod:`studyguide.widgets` - explorers that switch precomputed views without a kernel
- :mod:`studyguide.modelids` - widget model ids that repeat from build to build
- :mod:`studyguide.chapter` - the text chapter, rendered at build time
- :mod:`studyguide.extension` - the Sphinx extension that wires it into the book
- :mod:`studyguide.assets` - pinned third-party browser files
- :mod:`studyguide.scaffold` - sidecar and chapter for a new seed text
"""

__version__ = "0.1.0"

from .corpus import Corpus, load_corpus  # noqa: E402
from .errors import InputError  # noqa: E402
from .text import Paragraph, Text  # noqa: E402

__all__ = ["Corpus", "InputError", "Paragraph", "Text", "load_corpus", "__version__"]
