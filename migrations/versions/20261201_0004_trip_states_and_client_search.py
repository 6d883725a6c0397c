"""Trips may be completed, cancelled or archived; clients get a folded search column (accent- and case-blind).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 14:00:00.000000

"""
import unicodedata

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OLD_STATUSES = "status IN ('draft', 'proposed', 'confirmed')"
NEW_STATUSES = "status IN ('draft', 'proposed', 'confirmed', 'completed', 'cancelled', 'archived')"
# a copy of planner.models.client.fold as it was when this migration was written (migrations never import the app)
_SINGLE_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFKC", bare).translate(_SINGLE_LETTERS).split())


def upgrade():
    with op.batch_alter_table('trips', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_trips_status'), type_='check')
        batch_op.create_check_constraint('status', NEW_STATUSES)

    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.String(length=1000), nullable=False, server_default=''))

    clients = sa.table('clients', sa.column('id', sa.Integer), sa.column('name', sa.String),
                       sa.column('contact', sa.String), sa.column('search_text', sa.String))
    connection = op.get_bind()
    for row in connection.execute(sa.select(clients.c.id, clients.c.name, clients.c.contact)).all():
        connection.execute(
            clients.update().where(clients.c.id == row.id).values(search_text=f"{_fold(row.name)}\n{_fold(row.contact)}")
        )

    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.alter_column('search_text', server_default=None, existing_type=sa.String(length=1000),
                              existing_nullable=False)
        batch_op.create_index('ix_clients_owner_search', ['owner_id', 'search_text'], unique=False)


def downgrade():
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index('ix_clients_owner_search')
        batch_op.drop_column('search_text')

    # the three later statuses do not exist before this revision: such trips go back to draft
    op.execute("UPDATE trips SET status = 'draft' WHERE status IN ('completed', 'cancelled', 'archived')")
    with op.batch_alter_table('trips', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_trips_status'), type_='check')
        batch_op.create_check_constraint('status', OLD_STATUSES)
