"""Quote changes: who made each quote version, moved its status, accepted it or recorded a payment, and when.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 23:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('quote_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("code IN ('version_made', 'status_moved', 'client_accepted', 'payment_recorded')", name=op.f('ck_quote_changes_code')),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], name=op.f('fk_quote_changes_trip_id_trips'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_quote_changes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_changes'))
    )
    with op.batch_alter_table('quote_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_changes_trip_id'), ['trip_id'], unique=False)


def downgrade():
    with op.batch_alter_table('quote_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_changes_trip_id'))

    op.drop_table('quote_changes')
