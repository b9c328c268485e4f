// Registers the matchers of @eduvn/testing (toConformTo, toFailRule) and their types, once for
// every test file of the suite.
import '@eduvn/testing/vitest';
