"""Write paths for moderated content, one module per use case (as in Zulip's `zerver/actions/`).

Each action checks the actor's permission, does its write and calls every side effect by name (the
search index, member alerts) in one transaction; open the module to see everything it does. Views,
the admin, services of the content apps, the demo and the tests all call these.

This package sits above the core: it may import `portal.content` and `portal.accounts`, never a
content app (articles, faq, trials). The core never imports it.
"""
