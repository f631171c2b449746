"""A second set of known-page questions, written before retrieval was tuned and never tuned on: the held-out
check beside docs_questions.py for bench_docs.py's "right page in the top 5" and "ask() cites it" figures."""

HELD_OUT_PAGES: tuple[tuple[str, str], ...] = (
    ("how do I join path components with pathlib?", "html/library/pathlib.html"),
    ("cache the results of a function with lru_cache", "html/library/functools.html"),
    ("how do I run coroutines concurrently with asyncio tasks?", "html/library/asyncio-task.html"),
    ("how do I run an external command and capture its output?", "html/library/subprocess.html"),
    ("patch an object in a test with a mock", "html/library/unittest.mock.html"),
    ("count hashable items with a Counter", "html/library/collections.html"),
    ("impute missing values with the mean of each column", "python-sklearn-doc/html/modules/impute.html"),
    ("tune hyper-parameters with an exhaustive grid search", "python-sklearn-doc/html/modules/grid_search.html"),
    ("k-means clustering parameters and attributes", "sklearn.cluster.KMeans.html"),
    ("chain a scaler and a classifier in a pipeline", "python-sklearn-doc/html/modules/pipeline.html"),
    ("resample a time series to a different frequency", "python-pandas-doc/html/user_guide/timeseries.html"),
    ("reshape a DataFrame from wide to long with melt", "python-pandas-doc/html/user_guide/reshaping.html"),
    ("create a spreadsheet-style pivot table as a DataFrame", "pandas.DataFrame.pivot_table.html"),
    ("how do I create and apply database migrations in Django?", "python-django-doc/html/topics/migrations.html"),
    ("paginate a list of objects in a Django view", "python-django-doc/html/topics/pagination.html"),
    ("configure the per-site cache in Django", "python-django-doc/html/topics/cache.html"),
    ("register a custom error handler for 404 in Flask", "python-flask-doc/html/errorhandling.html"),
    ("load Flask configuration from a file or environment variables", "python-flask-doc/html/config.html"),
    ("connection pool size and recycling in SQLAlchemy", "python-sqlalchemy-doc/html/core/pooling.html"),
    ("delete-orphan cascade on a relationship", "python-sqlalchemy-doc/html/orm/cascades.html"),
    ("link to other projects' documentation with intersphinx", "sphinx-doc/html/usage/extensions/intersphinx.html"),
    ("minimize a function of several variables with scipy", "python-scipy-doc/html/tutorial/optimize.html"),
    ("independent two-sample t-test in scipy", "scipy.stats.ttest_ind.html"),
    ("taylor series expansion of an expression in sympy", "modules/series/series.html"),
)
