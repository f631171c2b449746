"""Questions whose answer sits on one known page of the Debian documentation packages, with that page
(the end of its path), for bench_docs.py's "right page in the top 5" check. Written for this benchmark."""

KNOWN_PAGES: tuple[tuple[str, str], ...] = (
    ("how do I standardize features to zero mean and unit variance?", "python-sklearn-doc/html/modules/preprocessing.html"),
    ("how do I read a CSV file into a DataFrame?", "pandas.read_csv.html"),
    ("how do I serialize a Python object to a JSON formatted string?", "html/library/json.html"),
    ("how are URL patterns mapped to views in Django?", "python-django-doc/html/topics/http/urls.html"),
    ("compute the singular value decomposition of a matrix with scipy", "scipy.linalg.svd.html"),
    ("cross-validation: evaluating estimator performance", "python-sklearn-doc/html/modules/cross_validation.html"),
    ("how do I create a virtual environment with venv?", "html/library/venv.html"),
    ("what are Flask blueprints for?", "python-flask-doc/html/blueprints.html"),
    ("how do I merge or join two DataFrames on a key column?", "python-pandas-doc/html/user_guide/merging.html"),
    ("random forest classifier parameters", "sklearn.ensemble.RandomForestClassifier.html"),
    ("what does the dataclass decorator generate?", "html/library/dataclasses.html"),
    ("what is the difference between null and blank on a Django model field?", "python-django-doc/html/ref/models/fields.html"),
    ("numerical integration of a function with quad", "scipy.integrate.quad.html"),
    ("include documentation from docstrings with autodoc", "sphinx-doc/html/usage/extensions/autodoc.html"),
    ("group by: split-apply-combine in pandas", "python-pandas-doc/html/user_guide/groupby.html"),
    ("principal component analysis for dimensionality reduction", "python-sklearn-doc/html/modules/decomposition.html"),
    ("regular expression syntax and operations in Python", "html/library/re.html"),
    ("how does Django protect against cross site request forgery?", "python-django-doc/html/ref/csrf.html"),
    ("what is the Flask application context?", "python-flask-doc/html/appcontext.html"),
    ("compressed sparse row matrix in scipy", "scipy.sparse.csr_matrix.html"),
    ("how do I open a session in the SQLAlchemy ORM?", "python-sqlalchemy-doc/html/orm/session_basics.html"),
    ("solve an algebraic equation symbolically with sympy", "modules/solvers/solvers.html"),
    ("how do I parse command-line arguments in Python?", "html/library/argparse.html"),
    ("fill missing values (NaN) in a pandas DataFrame", "pandas.DataFrame.fillna.html"),
)
