"""A trip's history of changes: which appointment moved, from when to when, by whom.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('trip_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by_user_id', sa.Integer(), nullable=True),
    sa.Column('cause', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('before', sa.DateTime(timezone=True), nullable=True),
    sa.Column('after', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("cause IN ('edit', 'catalog')", name=op.f('ck_trip_changes_cause')),
    sa.CheckConstraint("kind IN ('added', 'moved', 'removed')", name=op.f('ck_trip_changes_kind')),
    sa.ForeignKeyConstraint(['by_user_id'], ['users.id'], name=op.f('fk_trip_changes_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], name=op.f('fk_trip_changes_trip_id_trips'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trip_changes'))
    )
    with op.batch_alter_table('trip_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trip_changes_by_user_id'), ['by_user_id'], unique=False)
        batch_op.create_index('ix_trip_changes_trip_at', ['trip_id', 'at'], unique=False)


def downgrade():
    with op.batch_alter_table('trip_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_trip_changes_trip_at')
        batch_op.drop_index(batch_op.f('ix_trip_changes_by_user_id'))

    op.drop_table('trip_changes')
