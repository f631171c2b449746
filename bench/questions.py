"""Framework questions of every kind, shared by the benchmarks (none from the eval sets)."""

QUESTIONS = (
    'which is faster, pytorch or keras?',
    'is keras slow?',
    'what is tensorflow?',
    'what is theano?',
    'which framework is best for beginners?',
    'which is easier to debug, pytorch or tensorflow?',
    'does tensorflow have good visualization tools?',
    'which framework should I use for research?',
    'is pytorch good for production deployment?',
    'what is the architecture of keras like?',
    'compare tensorflow and theano',
    'which has the larger community, pytorch or tensorflow?',
    'what is deep learning?',
    'can keras run on jax?',
    "what's the weather in paris?",
    'Is PyTorch written in Lua?',
)
