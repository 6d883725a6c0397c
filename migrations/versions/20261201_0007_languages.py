"""Languages: the facilitator's UI language (users.language), the language a trip is shown in to its
client or was planned in (trips.language), and clients' languages normalised to the six offered ones.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 16:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# a copy of planner.i18n.LOCALES and normalize as they were when this migration was written
# (migrations never import the app): every Chinese tag reads Simplified Chinese, anything else English
_LANGUAGE_OF = {"en": "en", "ko": "ko", "zh": "zh_Hans", "ja": "ja", "ru": "ru", "ar": "ar"}


def _normalize(tag):
    language = str(tag or "").strip().replace("_", "-").split("-", 1)[0].lower()
    return _LANGUAGE_OF.get(language, "en")


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=16), nullable=True))

    with op.batch_alter_table('trips', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=16), nullable=True))

    clients = sa.table('clients', sa.column('id', sa.Integer), sa.column('language', sa.String))
    connection = op.get_bind()
    for row in connection.execute(sa.select(clients.c.id, clients.c.language)).all():
        locale = _normalize(row.language)
        if locale != row.language:
            connection.execute(clients.update().where(clients.c.id == row.id).values(language=locale))


def downgrade():
    # the clients' former tags ("pt", "zh-TW") are not kept: the normalised locales stay, with Chinese
    # written "zh" as the earlier client form named it
    op.execute("UPDATE clients SET language = 'zh' WHERE language = 'zh_Hans'")
    with op.batch_alter_table('trips', schema=None) as batch_op:
        batch_op.drop_column('language')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('language')
