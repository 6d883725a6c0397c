"""Documents checklist: a client's nationality, and the trip_checklist_ticks table (items ticked off).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 20:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('nationality', sa.String(length=2), nullable=True))

    op.create_table('trip_checklist_ticks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=40), nullable=False),
    sa.Column('ticked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], name=op.f('fk_trip_checklist_ticks_trip_id_trips'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trip_checklist_ticks')),
    sa.UniqueConstraint('trip_id', 'item', name=op.f('uq_trip_checklist_ticks_trip_id_item'))
    )
    with op.batch_alter_table('trip_checklist_ticks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trip_checklist_ticks_trip_id'), ['trip_id'], unique=False)


def downgrade():
    with op.batch_alter_table('trip_checklist_ticks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trip_checklist_ticks_trip_id'))

    op.drop_table('trip_checklist_ticks')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_column('nationality')
